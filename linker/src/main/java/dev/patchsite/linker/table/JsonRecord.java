package dev.patchsite.linker.table;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object of a table's JSON form, read member by member with the type each must have; errors name the
 * member by its path, e.g. {@code sites[3].kind}. Once read, {@link #checkAllUsed} refuses members the format does
 * not have, as the text reader refuses unknown fields.
 */
final class JsonRecord {

    private final Map<?, ?> members;
    private final String path;
    private final Set<String> used = new HashSet<>();

    private JsonRecord(Map<?, ?> members, String path) {
        this.members = members;
        this.path = path;
    }

    /** Returns the value as a record, or fails naming the path. */
    static JsonRecord of(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException((path.isEmpty() ? "the document" : path)
                    + ": expected an object but found " + type(value));
        }
        return new JsonRecord(map, path);
    }

    /** Returns a string member that must be present and not empty. */
    String string(String name) {
        String value = optionalString(name);
        if (value == null || value.isEmpty()) {
            throw problem(name, "expected a non-empty string but found " + (value == null ? "null" : "\"\""));
        }
        return value;
    }

    /** Returns a string member, or null if it is absent or null. */
    String optionalString(String name) {
        Object value = get(name);
        if (value != null && !(value instanceof String)) {
            throw problem(name, "expected a string but found " + type(value));
        }
        return (String) value;
    }

    /** Returns an integer member that must be present and at least {@code min}. */
    int integer(String name, int min) {
        Object value = get(name);
        if (!(value instanceof Long number) || number < min || number > Integer.MAX_VALUE) {
            throw problem(name, "expected an integer of at least " + min + " but found " + type(value));
        }
        return number.intValue();
    }

    /** Returns whether a member is present. */
    boolean has(String name) {
        return members.containsKey(name);
    }

    /** Returns a boolean member that must be present. */
    boolean flag(String name) {
        Object value = get(name);
        if (!(value instanceof Boolean flag)) {
            throw problem(name, "expected true or false but found " + type(value));
        }
        return flag;
    }

    /** Returns an array member that must be present. */
    List<?> array(String name) {
        Object value = get(name);
        if (!(value instanceof List<?> list)) {
            throw problem(name, "expected an array but found " + type(value));
        }
        return list;
    }

    /** Returns an object member, or null if it is absent. */
    JsonRecord optionalRecord(String name) {
        Object value = get(name);
        return value == null ? null : of(value, path(name));
    }

    /** Returns the names of the members, in order. */
    Set<?> names() {
        return members.keySet();
    }

    /** Returns the path of a member, e.g. {@code sites[3].kind}. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Returns an error about a member. */
    IllegalArgumentException problem(String name, String message) {
        return new IllegalArgumentException(path(name) + ": " + message);
    }

    /** Refuses a member no getter asked for. */
    void checkAllUsed() {
        for (Object name : members.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException(path((String) name) + ": unknown member");
            }
        }
    }

    private Object get(String name) {
        used.add(name);
        return members.get(name);
    }

    static String type(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return text.length() > 40 ? "a string" : "\"" + text + "\"";
        }
        if (value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        return value instanceof Map ? "an object" : "an array";
    }
}
