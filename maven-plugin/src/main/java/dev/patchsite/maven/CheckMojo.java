package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.check.BaselineCheck;
import dev.patchsite.linker.check.CheckRequest;
import dev.patchsite.linker.check.CheckResult;
import dev.patchsite.linker.diff.FailPolicy;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Checks the program's patch-site table against the committed baseline: writes the table to
 * {@code target/patchsite/patchsite.table} and the differences, as Markdown for a pull-request comment, to
 * {@code target/patchsite/report.md} and, as SARIF for code scanning with each difference on its file and line of the
 * compile source roots, to {@code target/patchsite/report.sarif}, and fails the build when the differences fail the
 * {@code failOn} policy, logging them and the command that accepts them, which works as printed from where Maven ran
 * (at the root of a multi-module build: {@code -pl MODULE -am}). The table is the module's own ({@code scope}) as the
 * jar and its dependencies are now (a linked jar's own table where it lists the same sites; a jar linked against
 * dependencies that changed since is scanned again, with a warning). A site that only moved to another line is no
 * difference. A missing baseline fails the build (unless {@code failOn} is {@code none}) with the command that
 * creates it. A project of packaging {@code pom} is skipped.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class CheckMojo extends BaselineGoalMojo {

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /**
     * Which differences fail the build: {@code any} (a function, variant or site added, removed or changed),
     * {@code added}, {@code removed}, or {@code none} (report only).
     */
    @Parameter(property = "patchsite.failOn", defaultValue = "any")
    private String failOn;

    /** Creates the goal. */
    public CheckMojo() {
        super("check");
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException, PatchsiteException {
        FailPolicy policy;
        try {
            policy = FailPolicy.ofLabel(failOn);
        } catch (IllegalArgumentException e) {
            throw Failures.ofParameter("failOn", e);
        }
        Path jar = ProjectJar.artifact(project, "the check goal runs in the verify phase, after the jar is built");
        Path tableFile = Path.of(project.getBuild().getDirectory(), "patchsite", "patchsite.table");
        Path root = executionRoot();
        CheckResult result = BaselineCheck.check(new CheckRequest(ProjectJar.program(project, jar, declarations),
                scanSettings(), baseline.toPath(), policy, tableFile, tableFile.resolveSibling("report.md"),
                root, BaselineCommand.of(project, topLevel(), root, plugin, baseline), tableScope(),
                tableFile.resolveSibling("report.sarif"), project.getCompileSourceRoots().stream().map(Path::of).toList()));
        show(result.notices());
        if (result.fails()) {
            throw new MojoFailureException(result.failure());
        }
    }

    /** Returns the project the build started in (this one when Maven does not say). */
    private MavenProject topLevel() {
        return session.getTopLevelProject() == null ? project : session.getTopLevelProject();
    }
}
