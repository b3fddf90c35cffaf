package dev.patchsite.runtime;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the runtime knows of a group: its functions and variants, read from the resource the linker writes for it,
 * {@code META-INF/patchsite/groups/<binary name>.group}. Data only, so the runtime can select a variant before the
 * group class is loaded.
 *
 * <pre>
 * patchsite-group 1
 * function slowpath (Lcom/example/QLock;I)V
 * function contendedRelease (Lcom/example/QLock;)V updatable
 * function nanoTime ()J external
 * variant numa com.example.NumaSpinLock 10 com.example.NumaProbe slowpath(Lcom/example/QLock;I)V
 * variant enabled com.example.Enabled 0 - contendedRelease(Lcom/example/QLock;)V
 * </pre>
 *
 * <p>A variant line gives name, class, priority, probe ({@code -} for none: chosen only explicitly) and the
 * implemented functions as {@code name(descriptor)}, comma-separated ({@code -} for none). Public for the linker's
 * {@code explain}; not an API for programs.
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
     * Loads a group's description through a class loader.
     *
     * @param group the group's binary name
     * @param loader the loader to search, or null for the system loader
     * @return the description, or null if the loader has none
     * @throws IllegalStateException if the resource exists but is malformed
     */
    public static GroupInfo load(String group, ClassLoader loader) {
        ClassLoader search = loader != null ? loader : ClassLoader.getSystemClassLoader();
        InputStream in = search.getResourceAsStream(resourceName(group));
        if (in == null) {
            return null;
        }
        try {
            return parse(group, in);
        } catch (IOException e) {
            throw new IllegalStateException("patchsite: cannot read " + resourceName(group) + ": " + e, e);
        }
    }

    /**
     * Loads a group's description from the jar a class comes from, if it is a local jar that has one.
     *
     * @param group the group's binary name
     * @param domain the class's protection domain, or null
     * @return the description, or null if the class does not come from a local jar with the group's description, or
     *     it cannot be read there (the caller then asks the class loader)
     */
    static GroupInfo loadFromJar(String group, ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol()) || !location.getPath().endsWith(".jar")) {
            return null;
        }
        try {
            ZipFile jar = new ZipFile(new File(location.toURI()));
            try {
                ZipEntry entry = jar.getEntry(resourceName(group));
                return entry == null ? null : parse(group, jar.getInputStream(entry));
            } finally {
                jar.close();
            }
        } catch (IOException e) {
            return null;
        } catch (URISyntaxException e) {
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
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
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("patchsite: " + resourceName(group) + " does not start with \""
                        + HEADER + "\"; relink with this patchsite version");
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] t = line.split(" ");
                if (t[0].equals("function") && t.length >= 3) {
                    List<String> flags = java.util.Arrays.asList(t).subList(3, t.length);
                    functions.add(new FunctionInfo(t[1], t[2], flags.contains("updatable"), flags.contains("external")));
                } else if (t[0].equals("variant") && t.length == 6) {
                    List<String> implemented = new ArrayList<String>();
                    if (!t[5].equals("-")) {
                        Collections.addAll(implemented, t[5].split(","));
                    }
                    variants.add(new VariantInfo(t[1], t[2], Integer.parseInt(t[3]), t[4].equals("-") ? null : t[4],
                            implemented));
                } else {
                    throw new IllegalStateException("patchsite: " + resourceName(group) + ": bad line \"" + line
                            + "\"");
                }
            }
        } finally {
            reader.close();
        }
        return new GroupInfo(group, functions, variants);
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
            if (function.external()) {
                out.append(" external");
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
        private final boolean external;

        /**
         * Creates a function description.
         *
         * @param name the method name
         * @param descriptor the method descriptor
         * @param updatable whether it may be re-pointed while running
         * @param external whether the group class was not rewritten, so the function's body is its default
         */
        public FunctionInfo(String name, String descriptor, boolean updatable, boolean external) {
            this.name = name;
            this.descriptor = descriptor;
            this.updatable = updatable;
            this.external = external;
        }

        /** @return whether the group class was not rewritten: the function's own body is its default */
        public boolean external() {
            return external;
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
    }
}
