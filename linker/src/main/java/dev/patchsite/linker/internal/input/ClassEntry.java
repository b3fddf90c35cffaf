package dev.patchsite.linker.internal.input;

/**
 * A class file in one of the inputs: a jar entry or a file under a directory. Small on purpose (a scan holds one per
 * class of the program): the path and class name are the source's to give when asked, not copies held here.
 */
public final class ClassEntry {

    private final ClassSource source;
    private final int index;
    private final int release;

    /**
     * Creates an entry.
     *
     * @param source the input that holds it
     * @param index the source's own number for it
     * @param release the release of a multi-release copy under {@code META-INF/versions/N/}, or 0 for the base copy
     */
    ClassEntry(ClassSource source, int index, int release) {
        this.source = source;
        this.index = index;
        this.release = release;
    }

    /** Returns the input that holds the class. */
    public ClassSource source() {
        return source;
    }

    /** Returns the source's own number for the entry. */
    int index() {
        return index;
    }

    /** Returns the release of a multi-release copy, or 0 for the base copy. */
    public int release() {
        return release;
    }

    /** Returns the entry name, or the path relative to the directory, with {@code /} separators. */
    public String path() {
        return source.path(index);
    }

    /** Returns the internal name the path implies, e.g. {@code com/example/App}. */
    public String className() {
        return ClassPaths.className(path(), release);
    }

    /**
     * Returns where the entry is, for messages: {@code app.jar!/com/example/App.class} for a jar entry,
     * {@code classes/com/example/App.class} for a file.
     *
     * @return the location
     */
    public String location() {
        return source.locate(path());
    }

    @Override
    public String toString() {
        return location();
    }
}
