package dev.patchsite.maven;

import dev.patchsite.linker.DisplayPaths;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * The command that writes a project's baseline, as the check goal prints it: {@code mvn package patchsite:baseline}
 * when the project declares the plugin (Maven then resolves the {@code patchsite} prefix from the project's own
 * build plugins), else the goal's full coordinates; with {@code -Dpatchsite.baseline=...} when the baseline is not
 * the default file, and prefixed with a {@code cd} into the module when the build did not start in it.
 */
final class BaselineCommand {

    /** Where the check and baseline goals keep the baseline by default, relative to the project's directory. */
    static final String DEFAULT_BASELINE = "src/patchsite/baseline.table";

    private BaselineCommand() {
    }

    /**
     * Returns the command.
     *
     * @param executionRoot the directory the build started in
     * @param plugin this plugin
     * @param baseline the baseline the check goal read
     */
    static String of(MavenProject project, Path executionRoot, PluginDescriptor plugin, File baseline) {
        boolean declared = false;
        for (Plugin buildPlugin : project.getBuildPlugins()) {
            declared |= buildPlugin.getKey().equals(plugin.getPluginLookupKey());
        }
        StringBuilder command = new StringBuilder();
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path root = executionRoot.toAbsolutePath().normalize();
        if (!base.equals(root)) {
            command.append("cd ").append(DisplayPaths.relative(root, base)).append(" && ");
        }
        command.append("mvn package ").append(declared ? plugin.getGoalPrefix()
                : plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion()).append(":baseline");
        if (!baseline.toPath().toAbsolutePath().normalize().equals(base.resolve(DEFAULT_BASELINE))) {
            command.append(" -Dpatchsite.baseline=").append(ProjectJar.relative(project, baseline.toPath()));
        }
        return command.toString();
    }
}
