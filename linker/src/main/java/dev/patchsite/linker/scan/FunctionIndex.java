package dev.patchsite.linker.scan;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The functions known at one moment of a scan, looked up by method, with the hashes of their groups' names so that
 * a constant pool can be checked without decoding a string. Immutable: the scanner publishes a new index whenever it
 * learns of new functions.
 */
final class FunctionIndex {

    static final FunctionIndex EMPTY = new FunctionIndex(0, Map.of());

    private final int version;
    private final Map<MethodRef, Function> functions;
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
            all.putIfAbsent(function.method(), function);
        }
        return all.size() == functions.size() ? this : new FunctionIndex(version + 1, Map.copyOf(all));
    }

    /** Returns an index with the same functions and the given version. */
    FunctionIndex withVersion(int newVersion) {
        return new FunctionIndex(newVersion, functions);
    }

    /** Returns whether this index holds exactly the given functions. */
    boolean hasExactly(Collection<Function> expected) {
        Map<MethodRef, Function> other = new HashMap<>();
        for (Function function : expected) {
            other.put(function.method(), function);
        }
        return other.equals(functions);
    }

    /** Returns the version, which grows by one each time functions are added. */
    int version() {
        return version;
    }

    /** Returns the function a method reference calls, or null. */
    Function function(MethodRef method) {
        return functions.get(method);
    }

    /** Returns whether some function's group has a name with this hash. */
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

    /** Returns whether there are no functions. */
    boolean isEmpty() {
        return functions.isEmpty();
    }
}
