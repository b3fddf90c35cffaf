package dev.patchsite.maven;

import dev.patchsite.linker.DisplayPaths;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * The command that writes a project's baseline, as the check goal prints it, to be run as printed from where the
 * build started: {@code mvn package patchsite:baseline} when the project the build started in declares the plugin
 * (Maven resolves the {@code patchsite} prefix from that project's build plugins), else the goal's full
 * coordinates; with {@code -Dpatchsite.baseline=...} when the baseline is not the default file. For a module of a
 * multi-module build started elsewhere (at its root), the command builds that module and the modules it depends on
 * in the same reactor ({@code -pl MODULE -am}): a {@code cd} into the module would resolve its sibling modules from
 * the local repository, where they may be missing or older.
 */
final class BaselineCommand {

    /** Where the check and baseline goals keep the baseline by default, relative to the project's directory. */
    static final String DEFAULT_BASELINE = "src/patchsite/baseline.table";

    private BaselineCommand() {
    }

    /**
     * Returns the command.
     *
     * @param project the project whose baseline the command writes
     * @param topLevel the project the build started in, whose build plugins resolve a goal's prefix
     * @param executionRoot the directory the build started in
     * @param plugin this plugin
     * @param baseline the baseline the check goal read
     */
    static String of(MavenProject project, MavenProject topLevel, Path executionRoot, PluginDescriptor plugin,
            File baseline) {
        boolean declared = false;
        for (Plugin buildPlugin : topLevel.getBuildPlugins()) {
            declared |= buildPlugin.getKey().equals(plugin.getPluginLookupKey());
        }
        StringBuilder command = new StringBuilder();
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path root = executionRoot.toAbsolutePath().normalize();
        command.append("mvn package ").append(declared ? plugin.getGoalPrefix()
                : plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion()).append(":baseline");
        if (!base.equals(root)) {
            command.append(" -pl ").append(DisplayPaths.relative(root, base)).append(" -am");
        }
        if (!baseline.toPath().toAbsolutePath().normalize().equals(base.resolve(DEFAULT_BASELINE))) {
            command.append(" -Dpatchsite.baseline=").append(ProjectJar.relative(project, baseline.toPath()));
        }
        return command.toString();
    }
}
