package dev.patchsite.maven;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.diff.DiffFormat;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.diff.TableDiff;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableSummary;
import dev.patchsite.linker.table.TableReader;
import dev.patchsite.linker.table.TableWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes the program's patch-site table to the baseline file that the {@code check} goal compares with, creating or
 * updating it atomically, and logs what changed. It reads the jar built earlier in the same run, so run it after the
 * package phase: {@code mvn package patchsite:baseline}. Commit the baseline to accept the change. A project of
 * packaging {@code pom} is skipped, so the command also works from the root of a multi-module build.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class BaselineMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The patch-site table to write, committed with the sources. */
    @Parameter(property = "patchsite.baseline", defaultValue = "${project.basedir}/" + BaselineCommand.DEFAULT_BASELINE)
    private File baseline;

    /** A declaration file naming functions in code you do not own, for a jar that was not linked. */
    @Parameter(property = "patchsite.declarations")
    private File declarations;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (ProjectJar.buildsNoJar(project, "baseline", getLog())) {
            return;
        }
        Path jar = ProjectJar.artifact(project, "run the baseline goal after the package phase in the same build:"
                + " mvn package patchsite:baseline");
        String name = ProjectJar.relative(project, baseline.toPath());
        try {
            PatchSiteTable table = ProjectJar.table(jar, ProjectJar.classpath(project), declarations,
                    new MavenLog(getLog()));
            String text = TableWriter.toText(table);
            PatchSiteTable old = previous();
            if (old != null && text.equals(Files.readString(baseline.toPath(), StandardCharsets.UTF_8))) {
                getLog().info("patchsite: the baseline " + name + " is up to date");
                return;
            }
            AtomicOutput.write(baseline.toPath(), text.getBytes(StandardCharsets.UTF_8));
            if (old == null) {
                getLog().info("patchsite: created the baseline " + name + ": " + TableSummary.counts(table));
                return;
            }
            TableDiff diff = TableDiff.compare(old, table);
            DiffFormat.TEXT.render(diff, name, ProjectJar.relative(project, jar), FailPolicy.NONE).lines()
                    .forEach(getLog()::info);
            getLog().info("patchsite: updated the baseline " + name + ": " + (diff.isEmpty()
                    ? "no differences; lines or offsets moved" : diff.summary()));
        } catch (PatchsiteException e) {
            throw Failures.of(e);
        } catch (IOException e) {
            throw new MojoExecutionException("patchsite: cannot read " + baseline + ": " + e.getMessage(), e);
        }
    }

    /** Returns the current baseline, or null if there is none or it cannot be read (it is about to be replaced). */
    private PatchSiteTable previous() {
        if (!baseline.isFile()) {
            return null;
        }
        try {
            return TableReader.read(baseline.toPath());
        } catch (InputException e) {
            getLog().warn("patchsite: replacing a baseline that cannot be read: " + e.getMessage());
            return null;
        }
    }
}
