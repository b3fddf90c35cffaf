package dev.patchsite.linker.table;

import java.util.Comparator;
import java.util.Objects;

/**
 * A method named by the internal name of its owner, its name and its descriptor, as in a {@code CONSTANT_Methodref}.
 *
 * @param owner the internal name of the owner class, e.g. {@code com/example/SpinLock}
 * @param name the method name
 * @param descriptor the method descriptor, e.g. {@code (Lcom/example/QLock;I)V}
 */
public record MethodRef(String owner, String name, String descriptor) implements Comparable<MethodRef> {

    private static final Comparator<MethodRef> ORDER = Comparator.comparing(MethodRef::owner)
            .thenComparing(MethodRef::name)
            .thenComparing(MethodRef::descriptor);

    /** Checks that no component is null. */
    public MethodRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /**
     * Parses {@code owner.name(descriptor)} with the owner's binary name (dots), the form used in tables and
     * declaration files.
     *
     * @param text the text to parse
     * @return the method
     * @throws IllegalArgumentException if the text has no owner, name or descriptor
     */
    public static MethodRef parse(String text) {
        int paren = text.indexOf('(');
        int dot = paren < 0 ? -1 : text.lastIndexOf('.', paren);
        if (paren < 0 || dot <= 0 || dot == paren - 1 || text.lastIndexOf(')') < paren) {
            throw new IllegalArgumentException("expected owner.name(descriptor), e.g. java.lang.System.nanoTime()J,"
                    + " but found \"" + text + "\"");
        }
        return new MethodRef(text.substring(0, dot).replace('.', '/'), text.substring(dot + 1, paren),
                text.substring(paren));
    }

    /**
     * Returns the binary name of the owner, e.g. {@code com.example.SpinLock}.
     *
     * @return the owner's binary name
     */
    public String ownerBinaryName() {
        return owner.replace('/', '.');
    }

    /**
     * Returns {@code name(descriptor)}.
     *
     * @return the name and descriptor
     */
    public String nameAndDescriptor() {
        return name + descriptor;
    }

    /**
     * Returns {@code owner.name(descriptor)} with the owner's binary name, the form {@link #parse} reads.
     *
     * @return the display form
     */
    @Override
    public String toString() {
        return ownerBinaryName() + '.' + name + descriptor;
    }

    @Override
    public int compareTo(MethodRef other) {
        return ORDER.compare(this, other);
    }
}
