package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.link.ArtifactLinkRequest;
import dev.patchsite.linker.link.ClassesLinker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Links the project's classes for its unit tests, so that they run against linked classes: a test can then call
 * {@code PatchSite.update} on an updatable function, or run with a selection forced by
 * {@code -Dpatchsite.select.GROUP=VARIANT}, which an unlinked program ignores. The classes directory is packed into
 * {@code target/patchsite/classes.jar} and linked, with the project's dependencies as the class path and the
 * {@code mode} and {@code selections} the {@code link} goal uses, to {@code target/patchsite/linked-classes.jar};
 * the classes directory itself is left as it is, for the jar. Tell Surefire to test that jar instead of the classes
 * directory: {@code <classesDirectory>${project.build.directory}/patchsite/linked-classes.jar</classesDirectory>}.
 * Skipped when nothing changed since the last run, and when the project has no classes.
 */
@Mojo(name = "link-classes", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class LinkClassesMojo extends LinkGoalMojo {

    /** Creates the goal. */
    public LinkClassesMojo() {
        super("link-classes");
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException, PatchsiteException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!Files.isDirectory(classes)) {
            getLog().info("patchsite: skipping link-classes: " + ProjectJar.relative(project, classes)
                    + " does not exist (no classes compiled)");
            return;
        }
        Path directory = Path.of(project.getBuild().getDirectory(), "patchsite");
        ArtifactLinkRequest request = new ArtifactLinkRequest(linkRequest(directory.resolve("classes.jar"),
                directory.resolve("linked-classes.jar"), false, false), directory.resolve("link-classes.fingerprint"),
                plugin.getId(), project.getBasedir().toPath(), "mvn clean process-classes");
        show(ClassesLinker.link(classes, request).notices());
    }
}
