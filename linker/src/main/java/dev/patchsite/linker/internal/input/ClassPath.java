package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Messages;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.internal.classfile.MalformedClassException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a scan in classpath order, and their class entries with shadowed copies left out: when two inputs
 * hold the same class (same name, same release), the first one wins, as it would on a JVM's class path.
 */
public final class ClassPath implements Closeable {

    private final List<ClassSource> sources;
    private final List<ClassEntry> entries;
    /** Each source's place in {@link #sources}. */
    private final Map<ClassSource, Integer> ordinals = new IdentityHashMap<>();

    private ClassPath(List<ClassSource> sources, PatchsiteLog log) {
        this.sources = sources;
        for (int s = 0; s < sources.size(); s++) {
            ordinals.put(sources.get(s), s);
        }
        List<ClassEntry> visible = new ArrayList<>();
        Map<String, Integer> shadowed = new LinkedHashMap<>();
        Map<String, String> example = new HashMap<>();
        for (int s = 0; s < sources.size(); s++) {
            ClassSource source = sources.get(s);
            if (s == 0) {
                visible.addAll(source.classEntries()); // nothing before it to shadow its classes
                continue;
            }
            for (ClassEntry entry : source.classEntries()) {
                // An entry's path is its class and release, so the first source with the path holds the class.
                ClassSource first = firstWith(entry.path(), s);
                if (first == null) {
                    visible.add(entry);
                } else {
                    String pair = source.name() + " by " + first.name();
                    shadowed.merge(pair, 1, Integer::sum);
                    example.putIfAbsent(pair, entry.path());
                }
            }
        }
        // Shadowing is routine (a shaded jar and the jars it bundles), so it is reported, not warned about.
        shadowed.forEach((pair, count) -> log.info(pair.substring(0, pair.indexOf(" by ")) + ": " + count
                + (count == 1 ? " class is" : " classes are") + " shadowed by " + pair.substring(pair.indexOf(" by ")
                + 4) + ", earlier on the classpath, and not scanned (e.g. " + example.get(pair) + ")"));
        this.entries = Collections.unmodifiableList(visible);
    }

    /** Returns the first of the first {@code limit} sources that has the path, or null. */
    private ClassSource firstWith(String path, int limit) {
        for (int s = 0; s < limit; s++) {
            if (sources.get(s).find(path) != null) {
                return sources.get(s);
            }
        }
        return null;
    }

    /**
     * Opens inputs: each a directory of classes or a jar (any zip file), a Spring Boot or web archive with its class
     * directory and nested jars ({@link ArchiveLayout}).
     *
     * @param inputs the inputs, in classpath order
     * @param log where to report shadowed classes, as information, and jars inside a plain jar, as a warning
     * @return the class path, to be closed
     * @throws InputException if an input is missing or unreadable
     */
    public static ClassPath open(List<Path> inputs, PatchsiteLog log) throws InputException {
        List<ClassSource> sources = new ArrayList<>();
        try {
            for (Path input : inputs) {
                if (Files.isDirectory(input)) {
                    sources.add(DirectorySource.open(input));
                } else {
                    sources.addAll(JarSource.open(input, log));
                }
            }
            return new ClassPath(sources, log);
        } catch (InputException | RuntimeException e) {
            closeAll(sources);
            throw e;
        }
    }

    /** Returns every visible class entry, in classpath order. */
    public List<ClassEntry> entries() {
        return entries;
    }

    /**
     * Returns where an entry is among the {@link #entries()}, found by its source and number without making its name:
     * the entries are in the order of their sources, and each source's in the order of its numbers.
     *
     * @param entry an entry, e.g. from {@link #baseClass}
     * @return its position, or -1 if it is not a visible entry of this class path
     */
    public int position(ClassEntry entry) {
        Integer ordinal = ordinals.get(entry.source());
        if (ordinal == null) {
            return -1;
        }
        int low = 0;
        int high = entries.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            ClassEntry at = entries.get(middle);
            int atOrdinal = ordinals.get(at.source());
            int c = atOrdinal != ordinal ? Integer.compare(atOrdinal, ordinal) : Integer.compare(at.index(),
                    entry.index());
            if (c == 0) {
                return middle;
            }
            if (c < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    /**
     * Returns the visible base (release 0) class entry of a class.
     *
     * @param internalName the class's internal name
     * @return the entry, or null if no input has the class
     */
    public ClassEntry baseClass(String internalName) {
        for (ClassSource source : sources) {
            ClassEntry entry = source.find(internalName + ".class");
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /**
     * Reads the module descriptor of every input that has one.
     *
     * @throws InputException if a descriptor cannot be read
     */
    public ProgramModules modules() throws InputException {
        List<ModuleFacts> modules = new ArrayList<>();
        for (ClassSource source : sources) {
            if (!source.modular()) {
                continue;
            }
            try {
                ModuleFacts module = ModuleFactsReader.read(source);
                if (module != null) {
                    modules.add(module);
                }
            } catch (IOException | MalformedClassException e) {
                throw new InputException(source.name() + ": cannot read its module descriptor: "
                        + Messages.rootCause(e), e);
            }
        }
        return modules.isEmpty() ? ProgramModules.NONE : new ProgramModules(modules);
    }

    @Override
    public void close() throws IOException {
        closeAll(sources);
    }

    private static void closeAll(List<ClassSource> sources) {
        for (ClassSource source : sources) {
            try {
                source.close();
            } catch (IOException e) {
                // Nothing was written through it; a failed close loses nothing.
            }
        }
    }
}
