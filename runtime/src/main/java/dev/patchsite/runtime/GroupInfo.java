package dev.patchsite.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * What the runtime knows of a group: its functions and variants, read from the resource the linker writes for it,
 * {@code META-INF/patchsite/groups/<binary name>.group}. Data only, so the runtime can select a variant before the
 * group class is loaded.
 *
 * <pre>
 * patchsite-group 1
 * function slowpath (Lcom/example/QLock;I)V
 * function contendedRelease (Lcom/example/QLock;)V updatable
 * function nanoTime ()J
 * variant numa com.example.NumaSpinLock 10 com.example.NumaProbe slowpath(Lcom/example/QLock;I)V
 * variant enabled com.example.Enabled 0 - contendedRelease(Lcom/example/QLock;)V
 * </pre>
 *
 * <p>A variant line gives name, class, priority, probe ({@code -} for none: chosen only explicitly) and the
 * implemented functions as {@code name(descriptor)}, comma-separated ({@code -} for none). Public for the linker's
 * {@code explain}; not an API for programs.
 *
 * <p>A description holds only what the group's and its variants' classes say, never how one link treated them, so
 * that the descriptions several separately linked jars carry of one group cannot disagree: they differ only in which
 * variants each link saw, and the runtime takes their union ({@link #loadAll}). Whether a function's body moved to
 * its default method is read off the group class as loaded. An older description's {@code external} flag is
 * ignored.
 */
public final class GroupInfo {

    /** The directory of group resources. */
    public static final String DIRECTORY = "META-INF/patchsite/groups/";
    /** The first line of a group resource. */
    public static final String HEADER = "patchsite-group 1";

    private final String name;
    private final List<FunctionInfo> functions;
    private final List<VariantInfo> variants;

    /**
     * Creates a group description.
     *
     * @param name the group's binary name
     * @param functions its functions
     * @param variants its variants
     */
    public GroupInfo(String name, List<FunctionInfo> functions, List<VariantInfo> variants) {
        this.name = name;
        this.functions = Collections.unmodifiableList(new ArrayList<FunctionInfo>(functions));
        this.variants = Collections.unmodifiableList(new ArrayList<VariantInfo>(variants));
    }

    /**
     * Returns the resource name of a group's description.
     *
     * @param group the group's binary name
     * @return the resource name
     */
    public static String resourceName(String group) {
        return DIRECTORY + group + ".group";
    }

    /**
     * Loads and merges every description of a group that a class loader sees: each jar or directory on its class
     * path may carry one (a library linked in its own build, an application linked against it, a jar of variants),
     * and each names the variants its link saw. The first description (in class path order) of a function or variant
     * is kept; a later one that describes a variant of the same name otherwise is reported in {@code conflicts}.
     *
     * @param group the group's binary name
     * @param loader the loader to search, or null for the system loader
     * @param conflicts receives one line per variant described otherwise by a later description
     * @return the merged description, or null if the loader has none
     * @throws IllegalStateException if a description exists but is malformed or unreadable
     */
    public static GroupInfo loadAll(String group, ClassLoader loader, List<String> conflicts) {
        ClassLoader search = loader != null ? loader : ClassLoader.getSystemClassLoader();
        String resource = resourceName(group);
        GroupInfo merged = null;
        try {
            Enumeration<URL> found = search.getResources(resource);
            while (found.hasMoreElements()) {
                URL url = found.nextElement();
                GroupInfo info = parse(group, Resources.open(url, resource));
                merged = merged == null ? info : merged.merge(info, url, conflicts);
            }
        } catch (IOException e) {
            throw new IllegalStateException("patchsite: cannot read " + resource + ": " + e, e);
        }
        return merged;
    }

    /** Returns this description with the functions and variants only {@code other} has. */
    private GroupInfo merge(GroupInfo other, URL source, List<String> conflicts) {
        List<FunctionInfo> allFunctions = new ArrayList<FunctionInfo>(functions);
        for (FunctionInfo function : other.functions) {
            if (function(function.name(), function.descriptor()) == null) {
                allFunctions.add(function);
            }
        }
        List<VariantInfo> allVariants = new ArrayList<VariantInfo>(variants);
        for (VariantInfo variant : other.variants) {
            VariantInfo known = variant(variant.name());
            if (known == null) {
                allVariants.add(variant);
            } else if (!known.sameAs(variant)) {
                conflicts.add("variant " + variant.name() + " of " + name + " is " + known.className() + " here but "
                        + variant.className() + " in " + source + "; the first is used");
            }
        }
        return new GroupInfo(name, allFunctions, allVariants);
    }

    /**
     * Parses a group's description.
     *
     * @param group the group's binary name
     * @param in the resource's bytes; closed
     * @return the description
     * @throws IOException if reading fails
     * @throws IllegalStateException if the text is malformed
     */
    public static GroupInfo parse(String group, InputStream in) throws IOException {
        List<FunctionInfo> functions = new ArrayList<FunctionInfo>();
        List<VariantInfo> variants = new ArrayList<VariantInfo>();
        // Decoded at once and cut by hand: a Reader, String.split and sub-lists would load and run a dozen JDK
        // classes, cold, at each program's first bind.
        String text = new String(Resources.readAll(in), StandardCharsets.UTF_8);
        int start = 0;
        int lineNumber = 0;
        while (start < text.length()) {
            int end = lineEnd(text, start);
            String line = text.substring(start, end);
            start = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            lineNumber++;
            if (lineNumber == 1) {
                if (!HEADER.equals(line)) {
                    throw new IllegalStateException("patchsite: " + resourceName(group) + " does not start with \""
                            + HEADER + "\"; relink with this patchsite version");
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] t = split(line, ' ');
            if (t[0].equals("function") && t.length >= 3 && named(t, 3)) {
                functions.add(new FunctionInfo(t[1], t[2], contains(t, 3, "updatable")));
            } else if (t[0].equals("variant") && t.length == 6 && named(t, 6) && isInteger(t[3])) {
                List<String> implemented = new ArrayList<String>();
                if (!t[5].equals("-")) {
                    for (String function : split(t[5], ',')) {
                        implemented.add(function);
                    }
                }
                variants.add(new VariantInfo(t[1], t[2], Integer.parseInt(t[3]), t[4].equals("-") ? null : t[4],
                        implemented));
            } else {
                throw new IllegalStateException("patchsite: " + resourceName(group) + " line " + lineNumber
                        + ": bad line \"" + printable(line) + "\"; expected \"function NAME DESCRIPTOR"
                        + " [updatable]\" or \"variant NAME CLASS PRIORITY PROBE|- FUNCTIONS|-\"");
            }
        }
        if (lineNumber == 0) {
            throw new IllegalStateException("patchsite: " + resourceName(group) + " does not start with \"" + HEADER
                    + "\"; relink with this patchsite version");
        }
        return new GroupInfo(group, functions, variants);
    }

    /** Returns where a line ends: at a line feed, a carriage return or the end, as {@code BufferedReader} reads. */
    private static int lineEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /** Splits at every separator, keeping empty fields, as {@code String.split} with a limit of -1. */
    private static String[] split(String text, char separator) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                count++;
            }
        }
        String[] fields = new String[count];
        int start = 0;
        for (int k = 0; k < count; k++) {
            int end = text.indexOf(separator, start);
            if (end < 0) {
                end = text.length();
            }
            fields[k] = text.substring(start, end);
            start = end + 1;
        }
        return fields;
    }

    /** Returns whether a token from {@code from} on is {@code value}. */
    private static boolean contains(String[] tokens, int from, String value) {
        for (int i = from; i < tokens.length; i++) {
            if (tokens[i].equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether the first {@code count} tokens are non-empty (a doubled or trailing space makes one empty). */
    private static boolean named(String[] tokens, int count) {
        for (int i = 1; i < count; i++) {
            if (tokens[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether a token is a decimal int, as the linker writes a priority. */
    private static boolean isInteger(String token) {
        try {
            Integer.parseInt(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Returns a line fit for a one-line message: control characters shown as {@code ?}, at most 80 characters. */
    private static String printable(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length() && i < 80; i++) {
            char c = line.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return line.length() > 80 ? out.append("...").toString() : out.toString();
    }

    /**
     * Returns the text {@link #parse} reads.
     *
     * @return the text
     */
    public String format() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (FunctionInfo function : functions) {
            out.append("function ").append(function.name()).append(' ').append(function.descriptor());
            if (function.updatable()) {
                out.append(" updatable");
            }
            out.append('\n');
        }
        for (VariantInfo variant : variants) {
            out.append("variant ").append(variant.name()).append(' ').append(variant.className()).append(' ')
                    .append(variant.priority()).append(' ').append(variant.when() == null ? "-" : variant.when())
                    .append(' ');
            if (variant.implemented().isEmpty()) {
                out.append('-');
            }
            for (int i = 0; i < variant.implemented().size(); i++) {
                out.append(i == 0 ? "" : ",").append(variant.implemented().get(i));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** @return the group's binary name */
    public String name() {
        return name;
    }

    /** @return the functions */
    public List<FunctionInfo> functions() {
        return functions;
    }

    /** @return the variants */
    public List<VariantInfo> variants() {
        return variants;
    }

    /**
     * Returns the variant with the given name.
     *
     * @param variant a variant name
     * @return the variant, or null
     */
    public VariantInfo variant(String variant) {
        for (VariantInfo info : variants) {
            if (info.name().equals(variant)) {
                return info;
            }
        }
        return null;
    }

    /**
     * Returns the function with the given name and descriptor.
     *
     * @param functionName the method name
     * @param descriptor the method descriptor
     * @return the function, or null
     */
    public FunctionInfo function(String functionName, String descriptor) {
        for (FunctionInfo function : functions) {
            if (function.name().equals(functionName) && function.descriptor().equals(descriptor)) {
                return function;
            }
        }
        return null;
    }

    /**
     * Returns whether every function of the group is updatable.
     *
     * @return true if the group can be updated
     */
    public boolean updatable() {
        for (FunctionInfo function : functions) {
            if (!function.updatable()) {
                return false;
            }
        }
        return !functions.isEmpty();
    }

    /**
     * Returns the names a selection may use: {@code default}, then the variants'.
     *
     * @return the names, comma-separated
     */
    public String knownNames() {
        StringBuilder names = new StringBuilder(Selection.DEFAULT);
        for (VariantInfo variant : variants) {
            names.append(", ").append(variant.name());
        }
        return names.toString();
    }

    /** A function of a group. */
    public static final class FunctionInfo {
        private final String name;
        private final String descriptor;
        private final boolean updatable;

        /**
         * Creates a function description.
         *
         * @param name the method name
         * @param descriptor the method descriptor
         * @param updatable whether it may be re-pointed while running
         */
        public FunctionInfo(String name, String descriptor, boolean updatable) {
            this.name = name;
            this.descriptor = descriptor;
            this.updatable = updatable;
        }

        /** @return the method name */
        public String name() {
            return name;
        }

        /** @return the method descriptor */
        public String descriptor() {
            return descriptor;
        }

        /** @return whether the function is updatable */
        public boolean updatable() {
            return updatable;
        }
    }

    /** A variant of a group. */
    public static final class VariantInfo {
        private final String name;
        private final String className;
        private final int priority;
        private final String when;
        private final List<String> implemented;

        /**
         * Creates a variant description.
         *
         * @param name the variant name
         * @param className the variant class's binary name
         * @param priority its priority
         * @param when the probe's binary name, or null if chosen only explicitly
         * @param implemented the implemented functions as {@code name(descriptor)}
         */
        public VariantInfo(String name, String className, int priority, String when, List<String> implemented) {
            this.name = name;
            this.className = className;
            this.priority = priority;
            this.when = when;
            this.implemented = Collections.unmodifiableList(new ArrayList<String>(implemented));
        }

        /** @return the variant name */
        public String name() {
            return name;
        }

        /** @return the variant class's binary name */
        public String className() {
            return className;
        }

        /** @return the priority */
        public int priority() {
            return priority;
        }

        /** @return the probe's binary name, or null */
        public String when() {
            return when;
        }

        /** @return the implemented functions as {@code name(descriptor)} */
        public List<String> implemented() {
            return implemented;
        }

        /**
         * Returns whether the variant implements a function.
         *
         * @param functionName the method name
         * @param descriptor the method descriptor
         * @return true if it does
         */
        public boolean implementsFunction(String functionName, String descriptor) {
            return implemented.contains(functionName + descriptor);
        }

        /** Returns whether another description of a variant of the same name says the same. */
        boolean sameAs(VariantInfo other) {
            return className.equals(other.className) && priority == other.priority
                    && (when == null ? other.when == null : when.equals(other.when))
                    && implemented.equals(other.implemented);
        }
    }
}
