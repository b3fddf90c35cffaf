package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.table.PatchSiteTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The project's packaged jar, and the program it belongs to: the jar followed by the project's dependencies (compile,
 * provided, system and runtime scope), which supply the declarations, variants and sites of the rest of the program.
 */
final class ProjectJar {

    private ProjectJar() {
    }

    /**
     * Returns whether a goal has nothing to do in this project because its packaging is {@code pom} (a parent or an
     * aggregator, which builds no jar), and logs that it is skipped; the plugin can so be declared once in a parent's
     * {@code <build><plugins>} for all its modules.
     *
     * @param goal the goal's name, for the log line
     */
    static boolean buildsNoJar(MavenProject project, String goal, Log log) {
        if (!"pom".equals(project.getPackaging())) {
            return false;
        }
        log.info("patchsite: skipping " + goal + ": " + project.getId() + " has packaging pom and builds no jar");
        return true;
    }

    /**
     * Returns the project's main artifact, which must be a jar built earlier in this Maven run.
     *
     * @param whenMissing how to run the goal so that the jar is built first, e.g. {@code run mvn package}
     * @throws MojoFailureException if the project has no jar yet, or its artifact is not a jar
     */
    static Path artifact(MavenProject project, String whenMissing) throws MojoFailureException {
        File file = project.getArtifact().getFile();
        if (file == null || !file.isFile()) {
            throw new MojoFailureException("the jar of " + project.getId() + " is not built yet: " + whenMissing);
        }
        if (!file.getName().endsWith(".jar")) {
            throw new MojoFailureException(file + " is not a jar (packaging " + project.getPackaging()
                    + "): patchsite links and checks jars");
        }
        return file.toPath();
    }

    /**
     * Returns the class path the project's jar is linked with, without the project's own classes directory (the jar
     * holds those classes): the jars and directories of its compile, provided, system and runtime dependencies, in
     * class path order (the compile class path, then what only the runtime class path adds). Provided dependencies
     * are part of the program when it runs, so their functions and variants must be seen; test dependencies are
     * not.
     */
    static List<Path> classpath(MavenProject project) throws MojoExecutionException {
        Path classes = normalize(project.getBuild().getOutputDirectory());
        Set<Path> classpath = new LinkedHashSet<>();
        try {
            for (String element : concat(project.getCompileClasspathElements(),
                    project.getRuntimeClasspathElements())) {
                Path entry = normalize(element);
                if (!entry.equals(classes) && Files.exists(entry)) {
                    classpath.add(entry);
                }
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the dependencies of " + project.getId() + " are not resolved", e);
        }
        return List.copyOf(classpath);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Returns the table of the program: the table a linked jar carries (without its bindings, which is the table of
     * the program it was linked from), or, for a jar that was not linked, the table of the jar scanned with its
     * class path. Either way it is the table the link goal embeds.
     *
     * @param declarations a declaration file, may be null
     */
    static PatchSiteTable table(Path jar, List<Path> classpath, File declarations, PatchsiteLog log)
            throws PatchsiteException {
        List<Path> program = new ArrayList<>();
        program.add(jar);
        program.addAll(classpath);
        ScanRequest request = ScanRequest.of(program)
                .withDeclarations(declarations == null ? null : declarations.toPath())
                .withLog(log);
        return TableSource.program(program, request);
    }

    /** Returns a file's path relative to the project's base directory, with {@code /}, for messages. */
    static String relative(MavenProject project, Path file) {
        return relative(project.getBasedir().toPath(), file);
    }

    /** Returns a file's path relative to a directory, with {@code /}, or its absolute path if it is elsewhere. */
    static String relative(Path directory, Path file) {
        Path base = directory.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace(File.separatorChar, '/')
                : absolute.toString();
    }

    private static Path normalize(String path) {
        return Paths.get(path).toAbsolutePath().normalize();
    }
}
