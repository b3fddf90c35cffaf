package dev.patchsite.maven;

import dev.patchsite.linker.Notice;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.Progress;
import dev.patchsite.linker.ProgressLine;
import dev.patchsite.linker.ScanSettings;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
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

    /**
     * Keep what each jar entry contributed to the last scan in {@code target/patchsite/scan-cache}, so that a build
     * of unchanged jars reads none of their classes again; false reads every class each time.
     */
    @Parameter(property = "patchsite.scanCache", defaultValue = "true")
    private boolean scanCache;

    @Parameter(defaultValue = "${settings.interactiveMode}", readonly = true)
    private boolean interactive;

    private ProgressLine progress;

    /** The core's log of this run of the goal: the build log, each warning once. */
    private PatchsiteLog coreLog;

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
        // A progress line only where it can be redrawn: a terminal, and neither batch mode (-B) nor quiet (-q).
        progress = interactive && getLog().isInfoEnabled() && ProgressLine.standardErrorIsTerminal()
                ? new ProgressLine(new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()),
                        true), System::nanoTime) : null;
        coreLog = PatchsiteLog.warningsOnce(new MavenLog(getLog(), progress));
        try {
            run();
        } catch (PatchsiteException e) {
            throw Failures.of(e);
        } finally {
            if (progress != null) {
                progress.clear();
            }
        }
    }

    /**
     * Returns how the core reads the program: one thread per processor, reporting to the build log (each warning
     * once), with the scan cache under the build directory unless it is turned off, and a progress line on a
     * terminal.
     */
    ScanSettings scanSettings() {
        return ScanSettings.defaults().withLog(coreLog)
                .withCache(scanCache ? Path.of(project.getBuild().getDirectory(), "patchsite", "scan-cache") : null)
                .withProgress(progress == null ? Progress.NONE : progress);
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
