package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A jar (or any zip file) as a {@link ClassSource}. Only the central directory is held, as it is in the file;
 * entries are read on demand with positional reads, so several threads read at once.
 */
final class JarSource implements ClassSource {

    private final String name;
    private final ZipArchive zip;
    private final List<ClassEntry> entries;

    private JarSource(String name, ZipArchive zip) throws InputException {
        this.name = name;
        this.zip = zip;
        this.entries = Collections.unmodifiableList(listClasses());
    }

    /**
     * Opens a jar.
     *
     * @param path the jar
     * @return the source, to be closed
     * @throws InputException if the file is missing or not a readable zip file
     */
    static JarSource open(Path path) throws InputException {
        ZipArchive zip = Jars.open(path);
        try {
            return new JarSource(path.toString(), zip);
        } catch (InputException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private List<ClassEntry> listClasses() throws InputException {
        String duplicate = zip.duplicateName();
        if (duplicate != null) {
            throw new InputException(locate(duplicate) + ": duplicate entry; a jar with two entries of one name is"
                    + " ambiguous (which one the JVM loads depends on the reader)");
        }
        List<ClassEntry> classes = new ArrayList<>();
        for (int i = 0; i < zip.size(); i++) {
            if (zip.isDirectory(i)) {
                continue;
            }
            int release = ClassPaths.release(zip.name(i));
            if (release >= 0) {
                classes.add(new ClassEntry(this, i, release));
            }
        }
        return classes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ClassEntry> classEntries() {
        return entries;
    }

    @Override
    public String path(int index) {
        return zip.name(index);
    }

    @Override
    public ClassEntry find(String path) {
        int index = zip.find(path);
        int release = ClassPaths.release(path);
        return index < 0 || release < 0 || zip.isDirectory(index) ? null : new ClassEntry(this, index, release);
    }

    @Override
    public String locate(String path) {
        return name + "!/" + path;
    }

    @Override
    public long size(ClassEntry entry) {
        return zip.size(entry.index());
    }

    @Override
    public EntryStamp stamp(ClassEntry entry) {
        int index = entry.index();
        return new EntryStamp(zip.nameHash(index), zip.crc(index), zip.compressedSize(index), zip.size(index));
    }

    @Override
    public InputStream open(ClassEntry entry) throws IOException {
        return zip.open(entry.index());
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
