package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.check.BaselineRequest;
import dev.patchsite.linker.check.BaselineUpdate;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the program's patch-site table to the baseline file that the {@code check} goal compares with, creating or
 * updating it atomically, and logs what changed. It reads the jar built earlier in the same run, so run it after the
 * package phase: {@code mvn package patchsite:baseline}. Commit the baseline to accept the change. A project of
 * packaging {@code pom} is skipped, so the command also works from the root of a multi-module build, where it writes
 * every module's baseline, each of the module's own table ({@code scope}).
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class BaselineMojo extends BaselineGoalMojo {

    /**
     * Whether the baseline keeps each site's {@code line=} and {@code offset=}. False by default: the check never
     * compares positions, and a call that moves would otherwise rewrite the baseline's line of every site it moves;
     * true for a baseline that also says where each site is, at the price of that churn.
     */
    @Parameter(property = "patchsite.positions", defaultValue = "false")
    private boolean positions;

    /** Creates the goal. */
    public BaselineMojo() {
        super("baseline");
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException, PatchsiteException {
        Path jar = ProjectJar.artifact(project, "run the baseline goal after the package phase in the same build:"
                + " mvn package patchsite:baseline");
        show(BaselineUpdate.update(new BaselineRequest(ProjectJar.program(project, jar, declarations),
                scanSettings(), baseline.toPath(), executionRoot(), tableScope(), positions)).notices());
    }
}
