package dev.patchsite.linker.scan;

import dev.patchsite.linker.internal.classfile.ModifiedUtf8;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions known at one moment of a scan, looked up by the method a call names, with the hashes of the classes
 * those methods belong to so that a constant pool can be checked without decoding a string. A call names a function
 * by its own method, or by the name a subclass inherits it under ({@code Sub.f} for {@code G.f}, see
 * {@link InheritedFunctions}). Immutable: the scanner publishes a new index whenever it learns of new functions.
 */
final class FunctionIndex {

    static final FunctionIndex EMPTY = new FunctionIndex(0, Map.of());

    private final int version;
    /** By the method a call names: the function's own, or a subclass's name for it. */
    private final Map<MethodRef, Function> functions;
    /** The hashes of the owners of the methods calls name: groups, and subclasses that inherit functions. */
    private final int[] groupHashes;

    private FunctionIndex(int version, Map<MethodRef, Function> functions) {
        this.version = version;
        this.functions = functions;
        this.groupHashes = functions.keySet().stream().mapToInt(m -> ModifiedUtf8.hash(m.owner())).distinct()
                .sorted().toArray();
    }

    /** Returns an index with the given functions added, and a higher version if any was new. */
    FunctionIndex with(Collection<Function> added) {
        Map<MethodRef, Function> all = new HashMap<>(functions);
        for (Function function : added) {
            put(all, function.method(), function);
        }
        return all.size() == functions.size() ? this : new FunctionIndex(version + 1, Map.copyOf(all));
    }

    /**
     * Returns an index in which calls may also name functions through subclasses, with a higher version if any name
     * was new.
     *
     * @param inherited the functions by the subclass methods that resolve to them, e.g. {@code Sub.f} to {@code G.f}
     */
    FunctionIndex withInherited(Map<MethodRef, Function> inherited) {
        Map<MethodRef, Function> all = new HashMap<>(functions);
        inherited.forEach((method, function) -> {
            all.putIfAbsent(method, function);
            all.putIfAbsent(LinkedForms.defaultBody(method), function);
        });
        return all.size() == functions.size() ? this : new FunctionIndex(version + 1, Map.copyOf(all));
    }

    /** Returns an index with the same functions and the given version. */
    FunctionIndex withVersion(int newVersion) {
        return new FunctionIndex(newVersion, functions);
    }

    /** Returns whether this index holds exactly the given functions, and no inherited names. */
    boolean hasExactly(Collection<Function> expected) {
        Map<MethodRef, Function> other = new HashMap<>();
        for (Function function : expected) {
            put(other, function.method(), function);
        }
        return other.equals(functions);
    }

    /** Adds a function under the method its calls name and under the names linked calls of it use instead. */
    private static void put(Map<MethodRef, Function> functions, MethodRef method, Function function) {
        functions.putIfAbsent(method, function);
        for (MethodRef alias : LinkedForms.aliases(method)) {
            functions.putIfAbsent(alias, function);
        }
    }

    /** Returns the version, which grows by one each time functions are added. */
    int version() {
        return version;
    }

    /** Returns the function a method reference calls, or null. */
    Function function(MethodRef method) {
        return functions.get(method);
    }

    /**
     * Returns the subclass a method reference calls a function through, or null if it names the function's own
     * method (or no function).
     */
    static String via(MethodRef method, Function function) {
        return function == null || method.owner().equals(function.method().owner())
                || LinkedForms.isTrampolineOf(method.owner(), function) ? null : method.owner();
    }

    /** Returns whether some function's group, or a subclass inheriting a function, has a name with this hash. */
    boolean mayBeGroup(int nameHash) {
        return Arrays.binarySearch(groupHashes, nameHash) >= 0;
    }

    /** Returns whether class {@code index} of the blooms may reference a group. */
    boolean mayReferenceGroup(OwnerBlooms blooms, int index) {
        for (int hash : groupHashes) {
            if (blooms.mayContain(index, hash)) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether any of the given sorted hashes may be a group's. */
    boolean mayReferenceGroup(int[] sortedOwnerHashes) {
        for (int hash : sortedOwnerHashes) {
            if (mayBeGroup(hash)) {
                return true;
            }
        }
        return false;
    }

    /** The longest fingerprint kept as the text it digests; a longer text is digested with SHA-256. */
    private static final int PLAIN_FINGERPRINT = 8 << 10;

    /**
     * Returns a fingerprint of what this index finds: every method a call may name and the function it resolves to.
     * Sites a scan cache recorded with an index of the same fingerprint are those this index would find. A program of
     * a few functions has the text itself as its fingerprint, which no collision can fool, and which spares a fresh
     * JVM the 20 to 30 ms {@code MessageDigest} takes to load its providers; a longer text is digested.
     */
    byte[] fingerprint() {
        List<String> lines = new ArrayList<>();
        functions.forEach((method, function) -> lines.add(method + " " + function.id() + " " + function.method() + " "
                + function.updatable() + " " + function.declared() + "\n"));
        Collections.sort(lines);
        byte[] text = String.join("", lines).getBytes(StandardCharsets.UTF_8);
        if (text.length <= PLAIN_FINGERPRINT) {
            return text;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** Returns whether there are no functions. */
    boolean isEmpty() {
        return functions.isEmpty();
    }
}
