package dev.patchsite.maven;

import dev.patchsite.linker.Notice;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ScanSettings;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal does around its one core call: skips when told to or when the project builds no jar (packaging
 * {@code pom}, so the plugin can be declared once in a parent for all its modules), maps the core's exceptions to
 * Maven's ({@link Failures}), and logs with the {@code patchsite:} prefix.
 */
abstract class PatchsiteMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    private final String goal;

    /**
     * Creates the goal.
     *
     * @param goal the goal's name, for log lines
     */
    /** Skip the goal: {@code link}, {@code check} or {@code baseline}. */
    @Parameter(property = "patchsite.skip", defaultValue = "false")
    private boolean skip;

    PatchsiteMojo(String goal) {
        this.goal = goal;
    }


    /** Builds the request, makes the goal's core call and maps its result. */
    abstract void run() throws MojoExecutionException, MojoFailureException, PatchsiteException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("patchsite: skipping " + goal + " (skip is true)");
            return;
        }
        if (ProjectJar.buildsNoJar(project, goal, getLog())) {
            return;
        }
        try {
            run();
        } catch (PatchsiteException e) {
            throw Failures.of(e);
        }
    }

    /** Returns how the core reads the program: one thread per processor, reporting to the build log. */
    ScanSettings scanSettings() {
        return ScanSettings.defaults().withLog(new MavenLog(getLog()));
    }

    /** Logs a core result's notices, each at its level. */
    void show(List<Notice> notices) {
        for (Notice notice : notices) {
            switch (notice.level()) {
                case INFO -> getLog().info(notice.text());
                case WARNING -> getLog().warn(notice.text());
                case ERROR -> getLog().error(notice.text());
            }
        }
    }
}
