package dev.patchsite.linker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a program is made of, apart from any setting of the work done on it: the jars a workflow works on, the
 * jars and directories of the rest of the program (its class path), and a declaration file naming functions in code
 * you do not own. Together, jars then class path, they are the program in class path order.
 *
 * @param jars the jars worked on (scanned, linked, verified, explained); at least one
 * @param classpath jars and directories that supply declarations, variants and sites but are only read
 * @param declarations a declaration file, or null for none
 */
public record ProgramFiles(List<Path> jars, List<Path> classpath, Path declarations) {

    /** Checks the files and copies the lists. */
    public ProgramFiles {
        jars = List.copyOf(jars);
        classpath = List.copyOf(classpath);
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("no jar");
        }
    }

    /**
     * Returns the program of one jar, with no class path and no declaration file.
     *
     * @param jar the jar
     * @return the program
     */
    public static ProgramFiles of(Path jar) {
        return new ProgramFiles(List.of(jar), List.of(), null);
    }

    /**
     * Returns this program with another class path.
     *
     * @param entries jars and directories, in class path order
     * @return the new program
     */
    public ProgramFiles withClasspath(List<Path> entries) {
        return new ProgramFiles(jars, entries, declarations);
    }

    /**
     * Returns this program with another declaration file.
     *
     * @param file the declaration file, or null for none
     * @return the new program
     */
    public ProgramFiles withDeclarations(Path file) {
        return new ProgramFiles(jars, classpath, file);
    }

    /**
     * Returns every file of the program, in class path order: the jars, then the class path.
     *
     * @return the jars followed by the class path
     */
    public List<Path> all() {
        List<Path> all = new ArrayList<>(jars);
        all.addAll(classpath);
        return List.copyOf(all);
    }

    /**
     * Returns the program as seen from one of its jars: that jar first, then the other jars, then the class path;
     * the order in which the jars of one link see each other.
     *
     * @param jar one of the jars
     * @return the files, that jar first
     */
    public List<Path> from(Path jar) {
        List<Path> all = new ArrayList<>();
        all.add(jar);
        jars.stream().filter(other -> !other.equals(jar)).forEach(all::add);
        all.addAll(classpath);
        return List.copyOf(all);
    }
}
