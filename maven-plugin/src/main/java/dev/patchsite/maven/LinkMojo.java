package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.link.ArtifactLinkRequest;
import dev.patchsite.linker.link.ArtifactLinkResult;
import dev.patchsite.linker.link.ArtifactLinker;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.table.LinkMode;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
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
public final class LinkMojo extends PatchsiteMojo {

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


    /** Creates the goal. */
    public LinkMojo() {
        super("link");
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException, PatchsiteException {
        LinkMode linkMode;
        try {
            linkMode = LinkMode.ofLabel(mode);
        } catch (IllegalArgumentException e) {
            throw Failures.ofParameter("mode", e);
        }
        Path input = ProjectJar.artifact(project, "the link goal runs in the package phase, after the jar is built");
        boolean inPlace = classifier == null || classifier.isEmpty();
        Path output = inPlace ? input : Path.of(project.getBuild().getDirectory(),
                project.getBuild().getFinalName() + "-" + classifier + ".jar");
        Path state = Path.of(project.getBuild().getDirectory(), "patchsite",
                inPlace ? "link.fingerprint" : "link-" + classifier + ".fingerprint");
        ScanSettings settings = scanSettings();
        LinkRequest link = new LinkRequest(List.of(input), ProjectJar.classpath(project), List.of(output), linkMode,
                selections == null ? Map.of() : selections, declarations == null ? null : declarations.toPath(),
                settings.threads(), stripSignatures, embedRuntime, settings.log()).withCache(settings.cache())
                .withProgress(settings.progress());
        ArtifactLinkResult result = ArtifactLinker.link(new ArtifactLinkRequest(link, state, plugin.getId(),
                project.getBasedir().toPath(), "mvn clean package"));
        show(result.notices());
        if (!inPlace) {
            projectHelper.attachArtifact(project, "jar", classifier, output.toFile());
        }
    }
}
