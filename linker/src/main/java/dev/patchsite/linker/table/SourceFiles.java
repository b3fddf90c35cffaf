package dev.patchsite.linker.table;

/**
 * The source file a class was compiled from, as its {@code SourceFile} attribute names it: a bare file name, which
 * with the class's package gives the file's path under a source root. A table records the name only where it is not
 * the conventional one, so a Java program's table carries none and stays as it was.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Returns the conventional source file name of a class: its top-level class's simple name and {@code .java}.
     *
     * @param internalName the internal name of the class, e.g. {@code com/example/App$Inner}
     * @return e.g. {@code App.java}
     */
    public static String conventional(String internalName) {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        int nested = simple.indexOf('$');
        return (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
    }

    /**
     * Returns the path of a class's source file relative to a source root: its package's folders and its file name.
     *
     * @param internalName the internal name of the class
     * @param sourceFile the class's {@code SourceFile} attribute, or null for the conventional name
     * @return e.g. {@code com/example/App.java}, always with {@code /}
     */
    public static String relativePath(String internalName, String sourceFile) {
        String file = sourceFile == null ? conventional(internalName) : sourceFile;
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? file : internalName.substring(0, slash + 1) + file;
    }
}
