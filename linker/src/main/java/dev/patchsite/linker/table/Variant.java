package dev.patchsite.linker.table;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A variant of a group: a class whose static methods implement some of the group's functions.
 *
 * @param group the internal name of the group
 * @param name the variant's name, unique within the group
 * @param className the internal name of the variant class
 * @param priority the priority among variants whose probe holds
 * @param when the internal name of the probe class, or null if the variant is chosen only explicitly
 * @param implemented the ids of the functions the variant implements, sorted
 */
public record Variant(String group, String name, String className, int priority, String when, List<String> implemented)
        implements Comparable<Variant> {

    private static final Comparator<Variant> ORDER = Comparator.comparing(Variant::group).thenComparing(Variant::name);

    /** Checks that no required component is null and copies the list. */
    public Variant {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
        implemented = List.copyOf(implemented);
    }

    /**
     * Returns whether this variant implements the function with the given id.
     *
     * @param functionId a function id
     * @return true if the variant implements it
     */
    public boolean implementsFunction(String functionId) {
        return implemented.contains(functionId);
    }

    @Override
    public int compareTo(Variant other) {
        return ORDER.compare(this, other);
    }
}
