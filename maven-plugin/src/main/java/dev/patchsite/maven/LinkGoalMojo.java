package dev.patchsite.maven;

import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.table.LinkMode;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that the goals that link share, {@code link} and {@code link-classes}: how to bind, and what
 * declares functions. Configured once in the plugin's configuration, they link the tests' classes as the jar is.
 */
abstract class LinkGoalMojo extends PatchsiteMojo {

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /**
     * How to bind the sites: {@code boot} (the runtime's agent patches each call as its class loads; an executable
     * jar starts the agent itself), {@code indy} (each call becomes an {@code invokedynamic} bound at its first
     * execution) or {@code static} (the variants named in {@code selections} are called directly; no runtime).
     */
    @Parameter(property = "patchsite.mode", defaultValue = "boot")
    private String mode;

    /**
     * For {@code static} mode, the variant of each group, by the group's binary name, e.g.
     * {@code <selections><com.example.SpinLock>numa</com.example.SpinLock></selections>}. Groups not named keep
     * their default.
     */
    @Parameter
    private Map<String, String> selections;

    /** A declaration file naming functions in code you do not own (see docs/declarations.md). */
    @Parameter(property = "patchsite.declarations")
    private File declarations;

    LinkGoalMojo(String goal) {
        super(goal);
    }

    /**
     * Returns the link of one jar with the project's dependencies as its class path, as configured.
     *
     * @param stripSignatures whether to drop a signed jar's signatures
     * @param embedRuntime whether to add the runtime to an executable jar that needs it
     */
    LinkRequest linkRequest(Path input, Path output, boolean stripSignatures, boolean embedRuntime)
            throws MojoExecutionException, MojoFailureException {
        LinkMode linkMode;
        try {
            linkMode = LinkMode.ofLabel(mode);
        } catch (IllegalArgumentException e) {
            throw Failures.ofParameter("mode", e);
        }
        ScanSettings settings = scanSettings();
        return new LinkRequest(List.of(input), ProjectJar.classpath(project), List.of(output), linkMode,
                selections == null ? Map.of() : selections, declarations == null ? null : declarations.toPath(),
                settings.threads(), stripSignatures, embedRuntime, settings.log()).withCache(settings.cache())
                .withProgress(settings.progress());
    }
}
