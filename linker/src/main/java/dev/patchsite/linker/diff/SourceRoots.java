package dev.patchsite.linker.diff;

import dev.patchsite.linker.DisplayPaths;
import dev.patchsite.linker.table.SourceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The directories a program's source files are under ({@code src/main/java}), in which a class's source file is
 * found by its package and its {@code SourceFile} name, so that a report can point a difference at a file and line.
 * The first root that holds the file wins. Files are named relative to a base directory (where the user works, which
 * in CI is the checkout, as GitHub's annotations and code scanning expect), or absolutely if elsewhere.
 */
public final class SourceRoots {

    /** No roots: no difference gets a file. */
    public static final SourceRoots NONE = new SourceRoots(List.of(), Path.of(""));

    private final List<Path> roots;
    private final Path base;
    /**
     * Each source file's answer once looked up, "" for none: a diff names the same caller class many times. Not
     * thread-safe, as one render uses it.
     */
    private final Map<String, String> found = new HashMap<>();

    private SourceRoots(List<Path> roots, Path base) {
        this.roots = List.copyOf(roots);
        this.base = base;
    }

    /**
     * Returns the roots.
     *
     * @param roots the source directories, in the order to search; missing ones are skipped
     * @param base the directory files are named relative to
     * @return the roots
     */
    public static SourceRoots of(List<Path> roots, Path base) {
        return new SourceRoots(Objects.requireNonNull(roots, "roots"), Objects.requireNonNull(base, "base"));
    }

    /**
     * Returns the source file of a class, found under a root.
     *
     * @param internalName the internal name of the class
     * @param sourceFile the class's {@code SourceFile} name, or null for the conventional one
     * @return the file relative to the base, with {@code /} (absolute if outside it); null if no root holds it
     */
    String find(String internalName, String sourceFile) {
        // A class file is input: a SourceFile naming another folder would point outside the package.
        if (roots.isEmpty() || (sourceFile != null && (sourceFile.contains("/") || sourceFile.contains("\\")))) {
            return null;
        }
        String file = found.computeIfAbsent(SourceFiles.relativePath(internalName, sourceFile), this::lookUp);
        return file.isEmpty() ? null : file;
    }

    private String lookUp(String relative) {
        for (Path root : roots) {
            Path top = root.toAbsolutePath().normalize();
            Path file = top.resolve(relative).normalize();
            if (file.startsWith(top) && Files.isRegularFile(file)) {
                return DisplayPaths.relative(base, file);
            }
        }
        return "";
    }
}
