package dev.patchsite.linker.internal.input;

/** Mapping between jar entry paths and class names, multi-release aware, as the scanner and the linker read them. */
public final class ClassPaths {

    /** Where a multi-release jar keeps its release-specific copies: {@code META-INF/versions/N/}. */
    public static final String VERSIONS = "META-INF/versions/";
    private static final String SUFFIX = ".class";

    private ClassPaths() {
    }

    /**
     * Returns the release of a path under {@code META-INF/versions/N/}, 0 for a base path, or -1 if the path is not
     * a class the JVM could load from this input (not a {@code .class} file, elsewhere under {@code META-INF/}, or in
     * the class directory of a Spring Boot or web archive, {@code BOOT-INF/} or {@code WEB-INF/}, whose launcher or
     * container loads it under another name).
     */
    public static int release(String path) {
        if (!path.endsWith(SUFFIX) || path.endsWith("/" + SUFFIX) || path.equals(SUFFIX)
                || path.startsWith("BOOT-INF/") || path.startsWith("WEB-INF/")) {
            return -1;
        }
        if (!path.startsWith("META-INF/")) {
            return 0;
        }
        if (!path.startsWith(VERSIONS)) {
            return -1;
        }
        int slash = path.indexOf('/', VERSIONS.length());
        if (slash < 0) {
            return -1;
        }
        try {
            int release = Integer.parseInt(path.substring(VERSIONS.length(), slash));
            return release >= 9 ? release : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Returns the path of a class's copy for a release: the inverse of {@link #className}. */
    public static String path(String className, int release) {
        return (release == 0 ? "" : VERSIONS + release + "/") + className + SUFFIX;
    }

    /** Returns the internal class name a class path implies, given its release. */
    public static String className(String path, int release) {
        String base = release == 0 ? path : path.substring(path.indexOf('/', VERSIONS.length()) + 1);
        return base.substring(0, base.length() - SUFFIX.length());
    }
}
