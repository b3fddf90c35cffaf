package dev.patchsite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectJarTest {

    /** The sample programs that the testdata module builds. */
    static final Path TESTDATA = Path.of(System.getProperty("patchsite.testdata", "../testdata/target"));

    @TempDir
    Path dir;

    private MavenProject project(String packaging, Path file) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("app");
        model.setVersion("1.0");
        model.setPackaging(packaging);
        model.setBuild(new Build());
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        DefaultArtifact artifact = new DefaultArtifact("com.example", "app", "1.0", "compile", packaging, null,
                new DefaultArtifactHandler(packaging));
        artifact.setFile(file == null ? null : file.toFile());
        project.setArtifact(artifact);
        return project;
    }

    @Test
    void returnsTheBuiltJar() throws Exception {
        Path jar = Files.copy(TESTDATA.resolve("sample-app.jar"), dir.resolve("app-1.0.jar"));
        assertEquals(jar, ProjectJar.artifact(project("jar", jar), "run mvn package"));
    }

    @Test
    void refusesAJarNotBuiltYet() {
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> ProjectJar.artifact(project("jar", null), "run mvn package"));
        assertEquals("the jar of com.example:app:jar:1.0 is not built yet: run mvn package", e.getMessage());
    }

    @Test
    void skipsAPomWithALogLine() {
        MavenLogTest.RecordingLog log = new MavenLogTest.RecordingLog();
        assertTrue(ProjectJar.buildsNoJar(project("pom", null), "link", log));
        assertEquals(List.of("info patchsite: skipping link: com.example:app:pom:1.0 has packaging pom and builds"
                + " no jar"), log.lines);
    }

    @Test
    void doesNotSkipAJar() {
        MavenLogTest.RecordingLog log = new MavenLogTest.RecordingLog();
        assertFalse(ProjectJar.buildsNoJar(project("jar", null), "link", log));
        assertEquals(List.of(), log.lines);
    }

    @Test
    void linksWithTheCompileProvidedSystemAndRuntimeDependenciesButNotTheTestOnes() throws Exception {
        MavenProject project = project("jar", null);
        project.getBuild().setOutputDirectory(Files.createDirectories(dir.resolve("target/classes")).toString());
        Set<Artifact> artifacts = new LinkedHashSet<>();
        for (String scope : List.of("compile", "provided", "system", "runtime", "test")) {
            artifacts.add(dependency(scope));
        }
        artifacts.add(dependency("missing")); // resolved to no file: left out
        Files.delete(dir.resolve("missing.jar"));
        project.setArtifacts(artifacts);

        assertEquals(List.of("compile.jar", "provided.jar", "system.jar", "runtime.jar"),
                ProjectJar.classpath(project).stream().map(path -> path.getFileName().toString()).toList());
    }

    private Artifact dependency(String name) throws Exception {
        String scope = name.equals("missing") ? "runtime" : name;
        DefaultArtifactHandler handler = new DefaultArtifactHandler("jar");
        handler.setAddedToClasspath(true);
        DefaultArtifact artifact = new DefaultArtifact("com.example", name, "1.0", scope, "jar", null, handler);
        artifact.setFile(Files.write(dir.resolve(name + ".jar"), new byte[0]).toFile());
        return artifact;
    }

    @Test
    void refusesAWar() throws Exception {
        Path war = Files.write(dir.resolve("app-1.0.war"), new byte[] {'P', 'K', 3, 4});
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> ProjectJar.artifact(project("war", war), "run mvn package"));
        assertEquals(war + " is not a jar (packaging war): patchsite links and checks jars", e.getMessage());
    }

    @Test
    void namesFilesRelativeToTheProject() {
        MavenProject project = project("jar", null);
        assertEquals("target/app.jar", ProjectJar.relative(project, dir.resolve("target/app.jar")));
        assertEquals(Path.of("/elsewhere/x.table").toAbsolutePath().toString(),
                ProjectJar.relative(project, Path.of("/elsewhere/x.table")));
    }
}
