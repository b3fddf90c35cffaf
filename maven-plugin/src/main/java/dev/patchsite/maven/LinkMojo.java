package dev.patchsite.maven;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.link.Linker;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Links the project's jar: every call of a runtime-static function in the jar is bound to the variant selected at
 * boot ({@code boot} and {@code indy} modes) or now ({@code static} mode), and the jar carries its patch-site table in
 * {@code META-INF/patchsite/table}. The project's dependencies of scope compile, provided, system and runtime are
 * the link class path: they supply declarations, variants and sites, and are not rewritten. The jar is linked in
 * place, or, with a {@code classifier}, written beside it and attached. The output is reproducible: the same inputs
 * give the same bytes, and new entries take the timestamp of the jar's manifest (so
 * {@code project.build.outputTimestamp} carries over). The goal is skipped when the jar, the class path and the
 * configuration are as the last link left them, and in a project of packaging {@code pom}.
 */
@Mojo(name = "link", defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class LinkMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Component
    private MavenProjectHelper projectHelper;

    /**
     * How to bind the sites: {@code boot} (the runtime's agent patches each call as its class loads; an executable
     * jar starts the agent itself), {@code indy} (each call becomes an {@code invokedynamic} bound at its first
     * execution) or {@code static} (the variants named in {@code selections} are called directly; no runtime).
     */
    @Parameter(property = "patchsite.mode", defaultValue = "boot")
    private String mode;

    /**
     * For {@code static} mode, the variant of each group, by the group's binary name, e.g.
     * {@code <selections><com.example.SpinLock>numa</com.example.SpinLock></selections>}. Groups not named keep
     * their default.
     */
    @Parameter
    private Map<String, String> selections;

    /** A declaration file naming functions in code you do not own (see docs/declarations.md). */
    @Parameter(property = "patchsite.declarations")
    private File declarations;

    /** Drop the signatures of a signed jar (linking changes its classes, so they would no longer verify). */
    @Parameter(property = "patchsite.stripSignatures", defaultValue = "false")
    private boolean stripSignatures;

    /**
     * Add the runtime's classes to a linked executable jar (one with a {@code Main-Class}) that does not hold them
     * (not in {@code static} mode). With {@code false}, {@code Launcher-Agent-Class} is written only if the
     * manifest's {@code Class-Path} names a jar that holds the runtime; otherwise the link warns how to run the jar.
     */
    @Parameter(property = "patchsite.embedRuntime", defaultValue = "true")
    private boolean embedRuntime;

    /**
     * Write the linked jar beside the project's jar, as <code>FINALNAME-CLASSIFIER.jar</code> in the build directory,
     * and attach it with this classifier, leaving the project's jar as it is. Without one, the project's jar is linked
     * in place.
     */
    @Parameter(property = "patchsite.classifier")
    private String classifier;

    /** Skip linking. */
    @Parameter(property = "patchsite.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("patchsite: skipping link (skip is true)");
            return;
        }
        if (ProjectJar.buildsNoJar(project, "link", getLog())) {
            return;
        }
        LinkMode linkMode;
        try {
            linkMode = LinkMode.ofLabel(mode);
        } catch (IllegalArgumentException e) {
            throw Failures.ofParameter("mode", e);
        }
        Path input = ProjectJar.artifact(project, "the link goal runs in the package phase, after the jar is built");
        Path output = classifier == null || classifier.isEmpty() ? input : Path.of(project.getBuild().getDirectory(),
                project.getBuild().getFinalName() + "-" + classifier + ".jar");
        List<Path> classpath = ProjectJar.classpath(project);
        Path state = Path.of(project.getBuild().getDirectory(), "patchsite",
                output.equals(input) ? "link.fingerprint" : "link-" + classifier + ".fingerprint");
        try {
            if (fingerprint(linkMode, classpath, input, output).matches(state)) {
                getLog().info("patchsite: " + ProjectJar.relative(project, output) + " is up to date: its inputs and"
                        + " configuration have not changed since it was linked");
            } else {
                PatchSiteTable table = link(new LinkRequest(List.of(input), classpath, List.of(output), linkMode,
                        selections == null ? Map.of() : selections, declarations == null ? null
                        : declarations.toPath(), Runtime.getRuntime().availableProcessors(), stripSignatures,
                        embedRuntime, new MavenLog(getLog())));
                fingerprint(linkMode, classpath, input, output).store(state);
                if (table == null) {
                    getLog().warn("patchsite: " + ProjectJar.relative(project, input) + " was already linked in "
                            + linkMode.label() + " mode and is kept as it is; if its dependencies or this"
                            + " configuration changed since, rebuild it (mvn clean package) to link it again");
                } else if (table.functions().isEmpty()) {
                    getLog().info("patchsite: nothing to link in " + ProjectJar.relative(project, input) + ", kept as"
                            + " it is: no function found in it or its dependencies (a module that calls functions"
                            + " needs the library that declares them as a dependency)");
                } else {
                    getLog().info("patchsite: linked " + ProjectJar.relative(project, output) + " in "
                            + linkMode.label() + " mode: " + TableSummary.bindings(table));
                }
            }
        } catch (LinkException e) {
            // Linked in place in another mode: the jar it was linked from is gone, so say how to get it back.
            throw output.equals(input) && TableSource.isLinked(input) ? new MojoFailureException(e.getMessage()
                    + " (an earlier build linked it in place: rebuild it, e.g. mvn clean package)") : Failures.of(e);
        } catch (PatchsiteException e) {
            throw Failures.of(e);
        } catch (IOException e) {
            throw new MojoExecutionException("patchsite: cannot link " + input + ": " + e.getMessage(), e);
        }
        if (!output.equals(input)) {
            projectHelper.attachArtifact(project, "jar", classifier, output.toFile());
        }
    }

    /** Links one jar; in place through a temporary file beside it, since the core never writes over an input. */
    private static PatchSiteTable link(LinkRequest request) throws PatchsiteException, IOException {
        Path input = request.inputs().get(0);
        if (!request.outputs().get(0).equals(input)) {
            return Linker.link(request);
        }
        Path temporary = AtomicOutput.temporaryFor(input);
        try {
            PatchSiteTable table = Linker.link(new LinkRequest(request.inputs(), request.classpath(),
                    List.of(temporary), request.mode(), request.selections(), request.declarations(),
                    request.threads(), request.stripSignatures(), request.embedRuntime(), request.log()));
            AtomicOutput.move(temporary, input);
            return table;
        } finally {
            AtomicOutput.deleteQuietly(temporary);
        }
    }

    private Fingerprint fingerprint(LinkMode linkMode, List<Path> classpath, Path input, Path output)
            throws IOException {
        Fingerprint fingerprint = new Fingerprint()
                .add("plugin", plugin.getId())
                .add("mode", linkMode.label())
                .add("selections", selections == null ? Map.of() : new TreeMap<>(selections))
                .add("stripSignatures", stripSignatures)
                .add("embedRuntime", embedRuntime);
        if (declarations != null) {
            fingerprint.addContent("declarations", declarations.toPath());
        }
        return fingerprint.addClasspath(classpath).addContent("input", input).addContent("output", output);
    }
}
