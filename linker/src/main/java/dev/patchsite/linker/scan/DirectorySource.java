package dev.patchsite.linker.scan;

import dev.patchsite.linker.InputException;
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

    private void listClasses() throws InputException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .forEach(file -> found.add(root.relativize(file).toString().replace(file.getFileSystem()
                            .getSeparator(), "/")));
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(name + ": cannot list directory: " + Messages.rootCause(e));
        }
        Collections.sort(found);
        for (String path : found) {
            int release = ClassPaths.release(path);
            if (release >= 0) {
                entries.add(new ClassEntry(this, paths.size(), release));
                paths.add(path);
            }
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
