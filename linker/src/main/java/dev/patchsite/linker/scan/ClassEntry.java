package dev.patchsite.linker.scan;

/**
 * A class file in one of the inputs: a jar entry or a file under a directory.
 *
 * @param source the input that holds it
 * @param path the entry name, or the path relative to the directory, with {@code /} separators
 * @param release the release of a multi-release copy under {@code META-INF/versions/N/}, or 0 for the base copy
 * @param className the internal name the path implies, e.g. {@code com/example/App}
 * @param handle the source's own handle for opening the entry
 */
public record ClassEntry(ClassSource source, String path, int release, String className, Object handle) {

    /**
     * Returns where the entry is, for messages: {@code app.jar!/com/example/App.class} for a jar entry,
     * {@code classes/com/example/App.class} for a file.
     *
     * @return the location
     */
    public String location() {
        return source.locate(path);
    }

    @Override
    public String toString() {
        return location();
    }
}
