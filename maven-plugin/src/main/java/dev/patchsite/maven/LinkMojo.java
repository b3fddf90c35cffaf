package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.explain.ProbedLink;
import dev.patchsite.linker.link.ArtifactLinkRequest;
import dev.patchsite.linker.link.ArtifactLinkResult;
import dev.patchsite.linker.link.ArtifactLinker;
import dev.patchsite.linker.link.LinkRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
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
 * {@code project.build.outputTimestamp} carries over). The goal is skipped when the jar, the configuration and the
 * content of every dependency are as the last link left them, and in a project of packaging {@code pom}. A jar
 * linked in place is kept unlinked in {@code target/patchsite/}, so that when an incremental build keeps the linked
 * jar (it does not package it again) while a dependency changed, the kept jar is linked again against the new one.
 */
@Mojo(name = "link", defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class LinkMojo extends LinkGoalMojo {

    @Component
    private MavenProjectHelper projectHelper;

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

    /**
     * With {@code static} mode: select each group that {@code selections} does not name as the runtime would on the
     * machine that builds (the {@code -Dpatchsite.select.*} properties of the build's JVM, else the probes, run in a
     * separate JVM as {@code patchsite explain} runs them), and fix that selection in the linked jar, as
     * {@code patchsite link --mode static --select-by-probes} does. For a deployment built on the machine it runs on.
     */
    @Parameter(property = "patchsite.selectByProbes", defaultValue = "false")
    private boolean selectByProbes;

    /** With {@code selectByProbes}, the seconds each probe may run before the link fails naming it. */
    @Parameter(property = "patchsite.probeTimeout", defaultValue = "10")
    private int probeTimeout;

    /** Creates the goal. */
    public LinkMojo() {
        super("link");
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException, PatchsiteException {
        Path input = ProjectJar.artifact(project, "the link goal runs in the package phase, after the jar is built");
        boolean inPlace = classifier == null || classifier.isEmpty();
        Path output = inPlace ? input : Path.of(project.getBuild().getDirectory(),
                project.getBuild().getFinalName() + "-" + classifier + ".jar");
        Path state = Path.of(project.getBuild().getDirectory(), "patchsite",
                inPlace ? "link.fingerprint" : "link-" + classifier + ".fingerprint");
        LinkRequest link = linkRequest(input, output, stripSignatures, embedRuntime);
        // A jar linked in place is kept unlinked beside the state: an incremental build that does not package the jar
        // again while a dependency changed links the kept jar again.
        ArtifactLinkRequest request = new ArtifactLinkRequest(link, state, plugin.getId(),
                project.getBasedir().toPath(), "mvn clean package",
                inPlace ? state.resolveSibling("link.unlinked.jar") : null);
        ArtifactLinkResult result = selectByProbes ? ProbedLink.link(request, probeTimeout())
                : ArtifactLinker.link(request);
        show(result.notices());
        if (!inPlace) {
            projectHelper.attachArtifact(project, "jar", classifier, output.toFile());
        }
    }

    private Duration probeTimeout() throws MojoFailureException {
        if (probeTimeout < 1) {
            throw Failures.ofParameter("probeTimeout", new IllegalArgumentException("must be at least 1 second, not "
                    + probeTimeout));
        }
        return Duration.ofSeconds(probeTimeout);
    }
}
