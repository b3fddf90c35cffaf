package dev.patchsite.linker.table;

import java.util.Objects;

/**
 * A runtime-static function: a static method whose implementation is chosen at boot from its group's variants.
 *
 * @param id the stable id sites refer to; {@code method.toString()} unless the declaration gave one
 * @param method the method; its owner is the function's group
 * @param updatable whether the function may be re-pointed while the program runs
 * @param declared true if the function was named in a declaration file rather than annotated
 */
public record Function(String id, MethodRef method, boolean updatable, boolean declared) implements Comparable<Function> {

    /** Checks that no component is null. */
    public Function {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
    }

    /**
     * Returns the internal name of the function's group (the class that declares it).
     *
     * @return the group's internal name
     */
    public String group() {
        return method.owner();
    }

    @Override
    public int compareTo(Function other) {
        return id.compareTo(other.id);
    }
}
