package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.OneLine;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A jar (or any zip file), or one class root of it, as a {@link ClassSource}. Only the central directory is held, as
 * it is in the file; entries are read on demand with positional reads, so several threads read at once.
 *
 * <p>A Spring Boot or web archive ({@link ArchiveLayout}) is several sources, in class path order: its top level,
 * its class directory (whose entries' paths are given relative to it, so that {@code BOOT-INF/classes/a/B.class}
 * is the class {@code a/B}), and each nested jar, read in place from the archive's file.
 */
final class JarSource implements ClassSource {

    private static final byte[] JAR = ".jar".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final ZipArchive zip;
    /** The prefix of the class root's entries: empty for the top level, e.g. {@code BOOT-INF/classes/}. */
    private final String root;
    /** Where the classes are inside the input, for the table, or null at the top level. */
    private final String nestedPath;
    private final boolean ownsZip;
    private final List<ClassEntry> entries;

    private JarSource(String name, ZipArchive zip, String root, String nestedPath, boolean ownsZip)
            throws InputException {
        this.name = name;
        this.zip = zip;
        this.root = root;
        this.nestedPath = nestedPath;
        this.ownsZip = ownsZip;
        this.entries = Collections.unmodifiableList(listClasses());
    }

    /**
     * Opens a jar: one source, or, for a Spring Boot or web archive, one for its top level, one for its class
     * directory and one per nested jar, in class path order. Of a jar that is not such an archive, the jars it holds
     * (One-JAR's layout, a jar under {@code lib/}) are on no class path the JVM knows of: they are copied as they
     * are, neither scanned nor linked, with one warning.
     *
     * @param path the jar
     * @param log where to warn of such nested jars, once per jar
     * @return the sources, each to be closed
     * @throws InputException if the file is missing or not a readable zip file, or a nested jar is not
     */
    static List<ClassSource> open(Path path, PatchsiteLog log) throws InputException {
        ZipArchive zip = Jars.open(path);
        List<ClassSource> sources = new ArrayList<>();
        try {
            String name = path.toString();
            sources.add(new JarSource(name, zip, "", null, true));
            ArchiveLayout layout = Jars.layout(name, zip);
            if (!layout.nested()) {
                warnOfJarsInside(name, zip, log);
            } else {
                sources.add(new JarSource(name, zip, layout.classes(), layout.classes(), false));
                for (String lib : layout.libs()) {
                    sources.add(new JarSource(name + "!/" + lib, Jars.openNested(name, zip, lib), "", lib, false));
                }
            }
            return sources;
        } catch (InputException | RuntimeException e) {
            Jars.closeAfter(zip, e);
            throw e;
        }
    }

    private static void warnOfJarsInside(String name, ZipArchive zip, PatchsiteLog log) {
        String first = null;
        int count = 0;
        for (int i = 0; i < zip.size(); i++) {
            // The names' bytes, not strings: a big jar has tens of thousands of entries and rarely a jar among them.
            if (!zip.isDirectory(i) && zip.nameEndsWith(i, JAR, true)) {
                first = first == null ? zip.name(i) : first;
                count++;
            }
        }
        if (first != null) {
            log.warn(OneLine.of(name + "!/" + first + (count > 1 ? " (and " + (count - 1) + " more)" : "")
                    + ": a jar inside a jar that is not a Spring Boot or web archive is on no class path the JVM"
                    + " knows of, so it is copied as it is, neither scanned nor linked; give it as an input of its"
                    + " own"));
        }
    }

    private List<ClassEntry> listClasses() throws InputException {
        String duplicate = root.isEmpty() ? zip.duplicateName() : null;
        if (duplicate != null) {
            throw new InputException(name + "!/" + duplicate + ": duplicate entry; a jar with two entries of one name"
                    + " is ambiguous (which one the JVM loads depends on the reader)");
        }
        List<ClassEntry> classes = new ArrayList<>();
        JarClassFilter filter = new JarClassFilter(root);
        for (int i = 0; i < zip.size(); i++) {
            int release = zip.isDirectory(i) ? -1 : filter.release(zip, i);
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
        return zip.name(index).substring(root.length());
    }

    @Override
    public ClassEntry find(String path) {
        int index = zip.find(root + path);
        int release = ClassPaths.release(path);
        return index < 0 || release < 0 || zip.isDirectory(index) ? null : new ClassEntry(this, index, release);
    }

    @Override
    public String locate(String path) {
        return name + "!/" + root + path;
    }

    @Override
    public String nestedPath() {
        return nestedPath;
    }

    @Override
    public boolean modular() {
        return nestedPath == null;
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
        if (ownsZip) {
            zip.close();
        }
    }
}
