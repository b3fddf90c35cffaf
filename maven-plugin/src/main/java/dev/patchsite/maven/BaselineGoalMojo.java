package dev.patchsite.maven;

import dev.patchsite.linker.check.TableScope;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters that the {@code check} and {@code baseline} goals share: which baseline, and which table. */
abstract class BaselineGoalMojo extends PatchsiteMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** The committed patch-site table: what {@code check} compares with and {@code baseline} writes. */
    @Parameter(property = "patchsite.baseline", defaultValue = "${project.basedir}/" + BaselineCommand.DEFAULT_BASELINE)
    File baseline;

    /** A declaration file naming functions in code you do not own, for a jar that was not linked. */
    @Parameter(property = "patchsite.declarations")
    File declarations;

    /**
     * Which sites the table records: {@code module} (the default), the functions, variants and sites in the
     * project's own classes and the dependencies' functions that they call, so that each module's baseline is about
     * its own code and a library's change is accepted once, in the library; or {@code program}, the whole program's
     * table, the dependencies' sites and variants included.
     */
    @Parameter(property = "patchsite.scope", defaultValue = "module")
    String scope;

    BaselineGoalMojo(String goal) {
        super(goal);
    }

    /**
     * Returns the directory the build started in. Messages name files relative to it, as the commands they print
     * are run from it: in a multi-module build the baseline to commit is named with its module's folder.
     */
    Path executionRoot() {
        return Path.of(session.getExecutionRootDirectory());
    }

    /** Returns the configured scope. */
    TableScope tableScope() throws MojoFailureException {
        try {
            return TableScope.ofLabel(scope);
        } catch (IllegalArgumentException e) {
            throw Failures.ofParameter("scope", e);
        }
    }
}
