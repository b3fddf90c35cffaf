package dev.patchsite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {

    @TempDir
    Path root;

    private static PluginDescriptor plugin() {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.patchsite");
        plugin.setArtifactId("patchsite-maven-plugin");
        plugin.setVersion("1.2.3");
        plugin.setGoalPrefix("patchsite");
        return plugin;
    }

    private static MavenProject project(Path basedir, boolean declaresPlugin) {
        Model model = new Model();
        model.setBuild(new Build());
        if (declaresPlugin) {
            Plugin plugin = new Plugin();
            plugin.setGroupId("dev.patchsite");
            plugin.setArtifactId("patchsite-maven-plugin");
            model.getBuild().addPlugin(plugin);
        }
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        return project;
    }

    private File defaultBaseline(Path basedir) {
        return basedir.resolve(BaselineCommand.DEFAULT_BASELINE).toFile();
    }

    @Test
    void usesThePrefixWhenTheProjectDeclaresThePlugin() {
        assertEquals("mvn package patchsite:baseline",
                BaselineCommand.of(project(root, true), project(root, true), root, plugin(), defaultBaseline(root)));
    }

    @Test
    void usesTheFullCoordinatesOtherwise() {
        assertEquals("mvn package dev.patchsite:patchsite-maven-plugin:1.2.3:baseline",
                BaselineCommand.of(project(root, false), project(root, false), root, plugin(), defaultBaseline(root)));
    }

    @Test
    void namesABaselineElsewhere() {
        assertEquals("mvn package patchsite:baseline -Dpatchsite.baseline=etc/sites.table",
                BaselineCommand.of(project(root, true), project(root, true), root, plugin(), root.resolve("etc/sites.table").toFile()));
    }

    @Test
    void buildsAModuleTheBuildDidNotStartInWithWhatItDependsOn() {
        Path module = root.resolve("services/app");
        assertEquals("mvn package patchsite:baseline -pl services/app -am",
                BaselineCommand.of(project(module, true), project(root, true), root, plugin(),
                        defaultBaseline(module)));
    }

    /** Maven resolves a prefix from the project the build started in: a plugin declared only in a module is not. */
    @Test
    void usesTheFullCoordinatesWhenTheRootDoesNotDeclareThePlugin() {
        Path module = root.resolve("app");
        assertEquals("mvn package dev.patchsite:patchsite-maven-plugin:1.2.3:baseline -pl app -am",
                BaselineCommand.of(project(module, true), project(root, false), root, plugin(),
                        defaultBaseline(module)));
    }
}
