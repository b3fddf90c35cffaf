package dev.patchsite.linker.internal.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One input of a scan: a jar or a directory of classes. Sources list their class entries once and open any of them
 * any number of times, from any thread, without holding the input in memory.
 */
public interface ClassSource extends Closeable {

    /**
     * Returns the input's name as the user gave it, for messages.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the class entries, in the input's own deterministic order.
     *
     * @return the class entries
     */
    List<ClassEntry> classEntries();

    /**
     * Returns the path of one of the source's entries.
     *
     * @param index the source's number for the entry, {@link ClassEntry#index()}
     * @return the entry name, or the path relative to the directory, with {@code /} separators
     */
    String path(int index);

    /**
     * Finds a class entry by path.
     *
     * @param path an entry name, e.g. {@code com/example/App.class}
     * @return the entry, or null if the source has no class file of that path
     */
    ClassEntry find(String path);

    /**
     * Opens an entry's uncompressed bytes. May be called from several threads at once.
     *
     * @param entry an entry of this source
     * @return the stream, to be closed by the caller
     * @throws IOException if the entry cannot be read
     */
    InputStream open(ClassEntry entry) throws IOException;

    /**
     * Returns the location of an entry for messages.
     *
     * @param path the entry's path
     * @return the location, e.g. {@code app.jar!/a/B.class}
     */
    String locate(String path);

    /**
     * Returns where the source's classes are inside the input it is part of, for the table: the class directory
     * ({@code BOOT-INF/classes/}) or the nested jar ({@code BOOT-INF/lib/x.jar}) of a Spring Boot or web archive.
     *
     * @return the path, or null for an input's top level or a directory
     */
    default String nestedPath() {
        return null;
    }

    /**
     * Returns whether the source's module descriptor, if it has one, makes it a module: not inside a Spring Boot or
     * web archive, whose launcher or container puts every class on a class path.
     *
     * @return true for an input's top level or a directory
     */
    default boolean modular() {
        return true;
    }

    /**
     * Returns the entry's uncompressed size if the source knows it, to size buffers.
     *
     * @param entry an entry of this source
     * @return the size in bytes, or -1 if unknown
     */
    long size(ClassEntry entry);

    /**
     * Returns what the input's own index says of an entry, without reading it: a jar's central directory has each
     * entry's name, CRC-32 and sizes. A directory of classes has no such record (a file's time says little about
     * its bytes), so its entries have none and are read each time.
     *
     * @param entry an entry of this source
     * @return the entry's CRC-32 and sizes, or null if the source does not record them
     */
    default EntryStamp stamp(ClassEntry entry) {
        return null;
    }
}
