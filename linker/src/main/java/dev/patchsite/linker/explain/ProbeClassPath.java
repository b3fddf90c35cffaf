package dev.patchsite.linker.explain;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Messages;
import dev.patchsite.linker.internal.input.ArchiveLayout;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path of the JVM that runs a program's probes, as the program's launcher sees it. A plain jar or a
 * directory is itself. A Spring Boot or web archive ({@link ArchiveLayout}) is the archive (its top level, on the
 * JVM's class path, as the launcher's own classes are), then its class directory, then its nested jars in the
 * launcher's order: the child JVM's {@code URLClassLoader} cannot read the class directory or the nested jars in
 * place, so they are copied, the nested jars' stored bytes as they are, to a private temporary directory, which
 * {@link #close} deletes. What is copied is bounded: at most {@value #MAX_RATIO} times the archive's size.
 */
final class ProbeClassPath implements AutoCloseable {

    /**
     * How many times its own size an archive may expand to when its class directory and nested jars are copied: the
     * stored nested jars count once, the class directory's deflated entries by their declared size.
     */
    static final int MAX_RATIO = 32;

    private final List<Path> paths = new ArrayList<>();
    private Path directory;

    private ProbeClassPath() {
    }

    /**
     * Lays out the class path of a program for its probes.
     *
     * @param program the program's jars and directories, in class path order
     * @return the class path, to be closed once the probes have run
     * @throws InputException naming the archive, or the archive and its entry, that cannot be read or copied
     */
    static ProbeClassPath of(List<Path> program) throws InputException {
        ProbeClassPath classPath = new ProbeClassPath();
        try {
            for (Path path : program) {
                classPath.add(path);
            }
            return classPath;
        } catch (InputException | RuntimeException e) {
            classPath.close();
            throw e;
        }
    }

    /** Returns the class path's entries, in order. */
    List<Path> paths() {
        return paths;
    }

    private void add(Path path) throws InputException {
        paths.add(path);
        if (!Files.isRegularFile(path)) {
            return;
        }
        try (ZipArchive zip = Jars.openIfZip(path)) {
            ArchiveLayout layout = zip == null ? ArchiveLayout.PLAIN : Jars.layout(path.toString(), zip);
            if (layout.nested()) {
                expand(path, zip, layout);
            }
        } catch (IOException e) {
            throw new InputException(path + ": cannot be closed: " + Messages.rootCause(e), e);
        }
    }

    /** Copies an archive's class directory and nested jars to a directory of their own, and adds them. */
    private void expand(Path path, ZipArchive zip, ArchiveLayout layout) throws InputException {
        long budget = Math.max(0, fileSize(path)) * MAX_RATIO;
        Path root = newDirectory(path);
        Path classes = root.resolve("classes");
        List<Path> libs = new ArrayList<>();
        String entryName = null;
        try {
            for (int entry = 0; entry < zip.size(); entry++) {
                entryName = zip.name(entry);
                if (!zip.isDirectory(entry) && entryName.startsWith(layout.classes())) {
                    budget = copy(zip, entry, inside(classes, entryName.substring(layout.classes().length())),
                            budget);
                }
            }
            for (int i = 0; i < layout.libs().size(); i++) {
                entryName = layout.libs().get(i);
                // Checks it is stored and a readable jar, as the launcher needs it; closing it closes nothing.
                Jars.openNested(path.toString(), zip, entryName).close();
                String file = entryName.substring(entryName.lastIndexOf('/') + 1);
                Path lib = root.resolve("lib").resolve(Integer.toString(i)).resolve(file);
                budget = copy(zip, zip.find(entryName), lib, budget);
                libs.add(lib);
            }
        } catch (IOException e) {
            throw new InputException(path + "!/" + entryName + ": cannot be copied for the probes: "
                    + Messages.rootCause(e), e);
        }
        paths.add(classes);
        paths.addAll(libs);
    }

    /** Copies an entry to a file, returning what is left of the budget. */
    private static long copy(ZipArchive zip, int entry, Path file, long budget) throws IOException {
        long left = budget - zip.size(entry);
        if (left < 0) {
            throw new IOException("the class directory and nested jars expand to more than " + MAX_RATIO
                    + " times the archive's size (a zip bomb?)");
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = zip.open(entry)) {
            Files.copy(in, file);
        }
        return left;
    }

    /** Resolves an entry's name in a directory, refusing one that would land outside it. */
    private static Path inside(Path directory, String name) throws IOException {
        Path file = directory.resolve(name).normalize();
        if (!file.startsWith(directory) || file.equals(directory)) {
            throw new IOException("an entry name that leaves its directory");
        }
        return file;
    }

    private Path newDirectory(Path archive) throws InputException {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("patchsite-probes-");
            }
            return Files.createDirectory(directory.resolve(Integer.toString(paths.size())));
        } catch (IOException e) {
            throw new InputException(archive + ": cannot make a temporary directory to run its probes from: "
                    + Messages.rootCause(e), e);
        }
    }

    private static long fileSize(Path path) throws InputException {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new InputException(path + ": cannot read its size: " + Messages.rootCause(e), e);
        }
    }

    /** Deletes the copies; what cannot be deleted is left, as a temporary file is. */
    @Override
    public void close() {
        if (directory == null) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Left in the temporary directory, which the system cleans.
        }
        directory = null;
    }
}
