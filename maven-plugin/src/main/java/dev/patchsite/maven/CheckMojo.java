package dev.patchsite.maven;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.internal.output.OutputPaths;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.diff.DiffFormat;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.diff.TableDiff;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableReader;
import dev.patchsite.linker.table.TableWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
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
 * {@code target/patchsite/report.md}, and fails the build when the differences fail the {@code failOn} policy,
 * logging them and the command that accepts them. The table is the one a linked jar carries, or, for a jar that was
 * not linked, the table of the jar and its dependencies. A site that only moved to another line is no
 * difference. A missing baseline fails the build (unless {@code failOn} is {@code none}) with the command that
 * creates it. A project of packaging {@code pom} is skipped.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** The committed patch-site table to check against, written by the {@code baseline} goal. */
    @Parameter(property = "patchsite.baseline", defaultValue = "${project.basedir}/" + BaselineCommand.DEFAULT_BASELINE)
    private File baseline;

    /**
     * Which differences fail the build: {@code any} (a function, variant or site added, removed or changed),
     * {@code added}, {@code removed}, or {@code none} (report only).
     */
    @Parameter(property = "patchsite.failOn", defaultValue = "any")
    private String failOn;

    /** A declaration file naming functions in code you do not own, for a jar that was not linked. */
    @Parameter(property = "patchsite.declarations")
    private File declarations;

    /** Skip the check. */
    @Parameter(property = "patchsite.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Refuses a baseline that is one of the files the goal writes: the table written over it would then always match.
     *
     * @param baseline the baseline
     * @param outputs the files the goal writes
     * @throws MojoFailureException if the baseline is one of them
     */
    static void refuseOutputsOverBaseline(Path baseline, Path... outputs) throws MojoFailureException {
        for (Path output : outputs) {
            String conflict = OutputPaths.conflict(output, List.of(baseline));
            if (conflict != null) {
                throw new MojoFailureException("patchsite parameter baseline: " + conflict + " (the check goal writes"
                        + " its table and report there: keep the baseline with the sources, e.g."
                        + " src/patchsite/baseline.table)");
            }
        }
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("patchsite: skipping check (skip is true)");
            return;
        }
        if (ProjectJar.buildsNoJar(project, "check", getLog())) {
            return;
        }
        FailPolicy policy;
        try {
            policy = FailPolicy.ofLabel(failOn);
        } catch (IllegalArgumentException e) {
            throw Failures.ofParameter("failOn", e);
        }
        Path jar = ProjectJar.artifact(project, "the check goal runs in the verify phase, after the jar is built");
        Path tableFile = Path.of(project.getBuild().getDirectory(), "patchsite", "patchsite.table");
        Path reportFile = tableFile.resolveSibling("report.md");
        refuseOutputsOverBaseline(baseline.toPath(), tableFile, reportFile);
        String baselineName = ProjectJar.relative(project, baseline.toPath());
        String tableName = ProjectJar.relative(project, tableFile);
        TableDiff diff;
        boolean missing = !baseline.isFile();
        try {
            PatchSiteTable table = ProjectJar.table(jar, ProjectJar.classpath(project), declarations,
                    new MavenLog(getLog()));
            AtomicOutput.write(tableFile, TableWriter.toText(table).getBytes(StandardCharsets.UTF_8));
            diff = TableDiff.compare(missing ? new PatchSiteTable(List.of(), List.of(), List.of())
                    : TableReader.read(baseline.toPath()), table);
            AtomicOutput.write(reportFile, DiffFormat.MARKDOWN.render(diff, baselineName, tableName, policy)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (PatchsiteException e) {
            throw Failures.of(e);
        }
        String report = " (report: " + ProjectJar.relative(project, reportFile) + ")";
        String command = BaselineCommand.of(project, Path.of(session.getExecutionRootDirectory()), plugin,
                baseline);
        if (missing && policy == FailPolicy.NONE) {
            getLog().warn("patchsite: no baseline " + baselineName + " (failOn none); to create it, run: " + command);
            return;
        }
        if (!missing && !diff.fails(policy)) {
            getLog().info("patchsite: the patch sites match the baseline " + baselineName + ": " + diff.summary()
                    + (diff.isEmpty() ? "" : " (failOn " + policy.label() + ")" + report));
            return;
        }
        if (!missing) {
            DiffFormat.TEXT.render(diff, baselineName, tableName, policy).lines().forEach(getLog()::error);
        }
        String problem = missing ? "there is no baseline " + baselineName + " to check the patch sites against"
                : "the patch sites changed against the baseline " + baselineName + ": " + diff.summary();
        getLog().error("patchsite: " + problem + report);
        getLog().error((missing ? "To create it" : "To accept the change") + ", run: " + command);
        getLog().error("and commit " + baselineName);
        throw new MojoFailureException(problem + "; " + (missing ? "to create it" : "to accept the change")
                + ", run: " + command + " and commit " + baselineName);
    }
}
