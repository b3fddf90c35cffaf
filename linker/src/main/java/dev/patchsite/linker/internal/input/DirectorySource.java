package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** A directory of class files, such as {@code target/classes}, as a {@link ClassSource}. */
final class DirectorySource implements ClassSource {

    private final Path root;
    private final String name;
    private final List<String> paths = new ArrayList<>();
    private final List<ClassEntry> entries = new ArrayList<>();

    private DirectorySource(Path root) throws InputException {
        this.root = root;
        this.name = root.toString();
        listClasses();
    }

    /**
     * Opens a directory.
     *
     * @param root the directory
     * @return the source
     * @throws InputException if the directory cannot be listed
     */
    static DirectorySource open(Path root) throws InputException {
        return new DirectorySource(root);
    }

    /**
     * Lists the class files under the root. A symbolic link to a file is followed only if the file is inside the
     * directory: one that leads out of it is refused, so that nothing outside the directory given is read. Links to
     * directories are not followed (as {@link Files#walk} does by default).
     */
    private void listClasses() throws InputException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(name + ": cannot list directory: " + Messages.rootCause(e));
        }
        List<String> relative = new ArrayList<>();
        Path realRoot = null;
        for (Path file : found) {
            String path = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            if (ClassPaths.release(path) < 0) {
                continue;
            }
            if (Files.isSymbolicLink(file)) {
                try {
                    realRoot = realRoot == null ? root.toRealPath() : realRoot;
                    Path target = file.toRealPath();
                    if (!target.startsWith(realRoot)) {
                        throw new InputException(file + ": a symbolic link to " + target + ", outside " + name
                                + "; refused (a directory input is read only inside itself)");
                    }
                } catch (IOException e) {
                    throw new InputException(file + ": cannot follow symbolic link: " + Messages.rootCause(e));
                }
            }
            relative.add(path);
        }
        Collections.sort(relative);
        for (String path : relative) {
            entries.add(new ClassEntry(this, paths.size(), ClassPaths.release(path)));
            paths.add(path);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ClassEntry> classEntries() {
        return Collections.unmodifiableList(entries);
    }

    @Override
    public String path(int index) {
        return paths.get(index);
    }

    @Override
    public ClassEntry find(String path) {
        int index = Collections.binarySearch(paths, path);
        return index < 0 ? null : entries.get(index);
    }

    @Override
    public InputStream open(ClassEntry entry) throws IOException {
        return Files.newInputStream(root.resolve(entry.path()));
    }

    @Override
    public String locate(String path) {
        return root.resolve(path).toString();
    }

    @Override
    public long size(ClassEntry entry) {
        try {
            return Files.size(root.resolve(entry.path()));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
    }
}
