package dev.patchsite.linker.internal.classfile;

/** Internal names of classes ({@code com/example/App}), as class files spell them. */
public final class InternalNames {

    private InternalNames() {
    }

    /** Returns the package part of an internal name. */
    public static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
