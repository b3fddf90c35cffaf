package dev.patchsite.linker.internal.declarations;

import dev.patchsite.linker.internal.classfile.MalformedClassException;
import dev.patchsite.linker.internal.input.ClassEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds classes by internal name for validation: first among the inputs (the base copy, first on the classpath),
 * then in the JDK the linker runs on. Each class is read at most once.
 */
public final class ClassLookup {

    private final java.util.function.Function<String, ClassEntry> inputs;
    private final Map<String, Optional<ClassInfo>> cache = new HashMap<>();
    private final Map<String, ClassInfo> readFromInputs = new HashMap<>();

    /**
     * Creates a lookup.
     *
     * @param inputs finds the base class entry of the inputs for a class name, or null
     * @param known classes already read, by name
     */
    public ClassLookup(java.util.function.Function<String, ClassEntry> inputs, Map<String, ClassInfo> known) {
        this.inputs = inputs;
        known.forEach((name, info) -> cache.put(name, Optional.of(info)));
    }

    /**
     * Returns the class with the given internal name, or null if neither the inputs nor the JDK have it.
     *
     * @throws MalformedClassException if the class is found but cannot be read
     */
    public ClassInfo find(String internalName) {
        return cache.computeIfAbsent(internalName, name -> Optional.ofNullable(read(name))).orElse(null);
    }

    /**
     * Returns the classes this lookup read from the inputs (not those it was given, nor the JDK's), for the scan
     * cache to keep.
     *
     * @return the classes by internal name
     */
    public Map<String, ClassInfo> readFromInputs() {
        return Collections.unmodifiableMap(readFromInputs);
    }

    /** Returns where the class was found, for messages, or null if it was not. */
    ClassEntry entry(String internalName) {
        return inputs.apply(internalName);
    }

    private ClassInfo read(String name) {
        ClassEntry entry = inputs.apply(name);
        try {
            if (entry != null) {
                try (InputStream in = entry.source().open(entry)) {
                    byte[] bytes = in.readAllBytes();
                    ClassInfo info = DeclarationReader.read(bytes, bytes.length, entry.location());
                    readFromInputs.put(name, info);
                    return info;
                }
            }
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(name + ".class")) {
                if (in == null) {
                    return null;
                }
                byte[] bytes = in.readAllBytes();
                return DeclarationReader.read(bytes, bytes.length, "the JDK's " + name + ".class");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
