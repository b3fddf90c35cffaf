package dev.patchsite.linker.scan;

import dev.patchsite.linker.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A jar (or any zip file) as a {@link ClassSource}. Only the central directory is held in memory; entries are read
 * on demand with positional reads, so several threads read at once.
 *
 * <p>Entries are read through {@link ZipEntries}: local file headers only when an entry is first opened, inflation
 * with the thread's own inflater.
 */
final class JarSource implements ClassSource {

    private final String name;
    private final ZipFile zip;
    private final List<ClassEntry> entries;

    private JarSource(String name, ZipFile zip) throws InputException {
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
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new InputException(name + ": no such file or directory");
        }
        ZipFile zip;
        try {
            zip = ZipEntries.open(path);
        } catch (IOException | RuntimeException e) {
            String cause = Messages.rootCause(e);
            throw new InputException(name + ": not a readable jar (truncated, or not a zip file)"
                    + (cause.contains("not a ZIP archive") ? "" : ": " + cause));
        }
        try {
            return new JarSource(name, zip);
        } catch (InputException | RuntimeException e) {
            ZipFile.closeQuietly(zip);
            throw e;
        }
    }

    private List<ClassEntry> listClasses() throws InputException {
        List<ClassEntry> classes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
            String path = entry.getName();
            if (!seen.add(path)) {
                throw new InputException(locate(path) + ": duplicate entry; a jar with two entries of one name is"
                        + " ambiguous (which one the JVM loads depends on the reader)");
            }
            int release = entry.isDirectory() ? -1 : ClassPaths.release(path);
            if (release >= 0) {
                classes.add(new ClassEntry(this, path, release, ClassPaths.className(path, release), entry));
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
    public String locate(String path) {
        return name + "!/" + path;
    }

    @Override
    public long size(ClassEntry entry) {
        return ((ZipArchiveEntry) entry.handle()).getSize();
    }

    @Override
    public InputStream open(ClassEntry entry) throws IOException {
        return ZipEntries.open(zip, (ZipArchiveEntry) entry.handle());
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
