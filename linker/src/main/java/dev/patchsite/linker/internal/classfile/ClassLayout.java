package dev.patchsite.linker.internal.classfile;

/**
 * Where the parts of a class file past its constant pool are: its {@code this_class}, its methods and its class
 * attributes, found by one forward walk over the interface, field and method tables. The one member and attribute
 * walker of the class-file layer: the site scanner reads methods and attributes through it, and
 * {@link ClassFileAppender} finds where to append. Every length is checked to lie within the class file's bytes, so
 * each walk is bounded by them.
 */
public final class ClassLayout {

    private final ClassBuffer buffer;
    private final int poolEnd;
    private final int[] methods;
    private final int attributes;

    private ClassLayout(ClassBuffer buffer, int poolEnd) {
        this.buffer = buffer;
        this.poolEnd = poolEnd;
        int offset = poolEnd + 6;
        offset += 2 + 2 * u2(offset);
        int fields = u2(offset);
        offset += 2;
        for (int i = 0; i < fields; i++) {
            offset = skipAttributes(offset + 6);
        }
        this.methods = new int[u2(offset)];
        offset += 2;
        for (int i = 0; i < methods.length; i++) {
            methods[i] = offset;
            offset = skipAttributes(offset + 6);
        }
        this.attributes = offset;
    }

    /**
     * Walks a class file's members.
     *
     * @param buffer the class file, all its bytes read
     * @param poolEnd the offset just past the constant pool
     * @return the layout
     * @throws MalformedClassException if a table or an attribute runs past the end of the bytes
     */
    public static ClassLayout read(ClassBuffer buffer, int poolEnd) {
        return new ClassLayout(buffer, poolEnd);
    }

    /** Returns the constant pool index of the class's own {@code Class} entry. */
    public int thisClass() {
        return u2(poolEnd + 2);
    }

    /** Returns the offsets of the {@code method_info} structures, in class-file order. */
    public int[] methods() {
        return methods.clone();
    }

    /**
     * Returns the offset of the class's {@code attributes_count}, just past the methods; it is not checked to lie
     * within the bytes.
     */
    public int attributes() {
        return attributes;
    }

    /**
     * Walks a table of attributes, calling the visitor for each in order.
     *
     * @param table the offset of the table's {@code attributes_count}
     * @param visitor what to do with each attribute
     * @return the offset just past the table
     * @throws MalformedClassException if the table or an attribute runs past the end of the bytes
     */
    public int attributes(int table, AttributeVisitor visitor) {
        int count = u2(table);
        int offset = table + 2;
        for (int i = 0; i < count; i++) {
            int name = u2(offset);
            u2(offset + 4);
            int length = buffer.s4(offset + 2);
            if (length < 0 || length > buffer.length() - offset - 6) {
                throw new MalformedClassException("attribute runs past the end of the class file");
            }
            visitor.visit(name, offset + 6, length);
            offset += 6 + length;
        }
        return offset;
    }

    /**
     * Returns the offset just past a table of attributes.
     *
     * @param table the offset of the table's {@code attributes_count}
     * @return the offset just past the table
     * @throws MalformedClassException if the table or an attribute runs past the end of the bytes
     */
    public int skipAttributes(int table) {
        return attributes(table, (name, info, length) -> { });
    }

    /** Receives the attributes of a table, one at a time. */
    @FunctionalInterface
    public interface AttributeVisitor {

        /**
         * Visits one attribute.
         *
         * @param name the constant pool index of its name
         * @param info the offset of its {@code info}
         * @param length the length of its {@code info}, within the bytes
         */
        void visit(int name, int info, int length);
    }

    /** Reads a u2, checked to lie within the bytes. */
    private int u2(int offset) {
        if (offset < 0 || offset + 2 > buffer.length()) {
            throw new MalformedClassException("truncated class file (" + buffer.length() + " bytes)");
        }
        return buffer.u2(offset);
    }
}
