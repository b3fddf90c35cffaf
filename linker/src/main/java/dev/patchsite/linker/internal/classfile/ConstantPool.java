package dev.patchsite.linker.internal.classfile;

import dev.patchsite.linker.table.MethodRef;
import java.io.IOException;

/**
 * The constant pool of a class file, read straight from its bytes: entry offsets are computed once, strings and
 * member references are decoded only when asked for. Reading stops at the end of the pool, so a class that turns
 * out not to matter is never read further.
 */
public final class ConstantPool {

    // The tags of constant pool entries (JVMS 4.4).
    public static final int UTF8 = 1;
    static final int INTEGER = 3;
    static final int FLOAT = 4;
    static final int LONG = 5;
    static final int DOUBLE = 6;
    static final int CLASS = 7;
    static final int STRING = 8;
    static final int FIELDREF = 9;
    public static final int METHODREF = 10;
    public static final int INTERFACE_METHODREF = 11;
    static final int NAME_AND_TYPE = 12;
    public static final int METHOD_HANDLE = 15;
    static final int METHOD_TYPE = 16;
    public static final int DYNAMIC = 17;
    public static final int INVOKE_DYNAMIC = 18;
    static final int MODULE = 19;
    static final int PACKAGE = 20;

    /**
     * How deep scan and link follow a dynamic constant into its bootstrap method and arguments. Both must stop at the
     * same depth, or they would count a method's sites differently.
     */
    public static final int MAX_CONSTANT_DEPTH = 8;

    /** The reference kind of a {@code MethodHandle} to a static method. */
    public static final int REF_INVOKE_STATIC = 6;

    private static final int MAGIC = 0xCAFEBABE;

    private final ClassBuffer buffer;
    private final int[] offsets;
    private final int end;
    private final int majorVersion;
    private String[] strings;
    private MethodRef[] methods;

    private ConstantPool(ClassBuffer buffer, int[] offsets, int end, int majorVersion) {
        this.buffer = buffer;
        this.offsets = offsets;
        this.end = end;
        this.majorVersion = majorVersion;
    }

    /**
     * Reads the header and the constant pool of the class in the buffer, pulling bytes as needed.
     *
     * @throws MalformedClassException if the bytes are not a class file or the pool is malformed
     */
    public static ConstantPool read(ClassBuffer buffer) throws IOException {
        buffer.require(10);
        if (buffer.s4(0) != MAGIC) {
            throw new MalformedClassException(String.format("not a class file (magic 0x%08X)", buffer.s4(0)));
        }
        int major = buffer.u2(6);
        int count = buffer.u2(8);
        int[] offsets = new int[Math.max(count, 1)];
        int offset = 10;
        for (int i = 1; i < count; i++) {
            buffer.require(offset + 3);
            offsets[i] = offset;
            int tag = buffer.u1(offset);
            int size = switch (tag) {
                case UTF8 -> 3 + buffer.u2(offset + 1);
                case INTEGER, FLOAT, FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC,
                        INVOKE_DYNAMIC -> 5;
                case LONG, DOUBLE -> 9;
                case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> 3;
                case METHOD_HANDLE -> 4;
                default -> throw new MalformedClassException("constant pool entry " + i + " of " + (count - 1)
                        + " has unknown tag " + tag);
            };
            if (tag == LONG || tag == DOUBLE) {
                // It takes two entries; the JVM refuses one in the last entry, though ASM reads it.
                if (i + 1 >= count) {
                    throw new MalformedClassException("constant pool entry " + i + " of " + (count - 1) + " is a "
                            + (tag == LONG ? "long" : "double") + ", which takes two entries, in the last one");
                }
                i++;
            }
            offset += size;
            if (buffer.length() < offset) {
                try {
                    buffer.require(offset);
                } catch (MalformedClassException e) {
                    throw new MalformedClassException("constant pool truncated at entry " + i + " of "
                            + (count - 1));
                }
            }
        }
        return new ConstantPool(buffer, offsets, offset, major);
    }

    /** Returns the class file's major version, e.g. 52 for Java 8. */
    int majorVersion() {
        return majorVersion;
    }

    /** Returns the number of pool slots, counting the unused slot 0. */
    public int count() {
        return offsets.length;
    }

    /** Returns the offset just past the pool, where the class's access flags are. */
    public int end() {
        return end;
    }

    /**
     * Returns the hash ({@link ModifiedUtf8#hash}) of the internal name of the class's superclass, or 0 for a class
     * without one ({@code java/lang/Object}, {@code module-info}). Pulls the six bytes after the pool if need be.
     *
     * @throws MalformedClassException if the class file ends there or the index is not a class
     */
    public int superNameHash() throws IOException {
        buffer.require(end + 6);
        int superClass = buffer.u2(end + 4);
        return superClass == 0 ? 0 : utf8Hash(classNameIndex(superClass));
    }

    /**
     * Returns the internal name of the class itself ({@code this_class}). Pulls the four bytes after the pool if
     * need be.
     *
     * @throws MalformedClassException if the class file ends there or the index is not a class
     */
    public String thisClassName() throws IOException {
        buffer.require(end + 4);
        return className(buffer.u2(end + 2));
    }

    /** Returns the tag of entry {@code index}, or 0 for an unused slot or an index outside the pool. */
    public int tag(int index) {
        return index > 0 && index < offsets.length && offsets[index] != 0 ? buffer.u1(offsets[index]) : 0;
    }

    /**
     * Returns the offset of entry {@code index}'s tag byte.
     *
     * @throws MalformedClassException if the index is not that of an entry
     */
    public int offset(int index) {
        if (tag(index) == 0) {
            throw new MalformedClassException(missing(index));
        }
        return offsets[index];
    }

    /**
     * Returns the offset of entry {@code index}'s tag byte, checked against an expected tag. Every index the class
     * file gives is checked here (or by {@link #offset}) before it is used.
     *
     * @throws MalformedClassException if the index is not that of an entry with that tag
     */
    int checkedOffset(int index, int expectedTag) {
        int tag = tag(index);
        if (tag != expectedTag) {
            throw new MalformedClassException(tag == 0
                    ? missing(index) + ", where a " + tagName(expectedTag) + " entry should be"
                    : "constant pool entry " + index + " should be " + tagName(expectedTag) + " but is "
                            + tagName(tag));
        }
        return offsets[index];
    }

    private String missing(int index) {
        return index <= 0 || index >= offsets.length
                ? "constant pool index " + index + " out of range (1 to " + (offsets.length - 1) + ")"
                : "constant pool index " + index + " is the unusable second slot of a Long or Double";
    }

    private static String tagName(int tag) {
        return switch (tag) {
            case UTF8 -> "Utf8";
            case CLASS -> "Class";
            case METHODREF -> "Methodref";
            case INTERFACE_METHODREF -> "InterfaceMethodref";
            case NAME_AND_TYPE -> "NameAndType";
            case METHOD_HANDLE -> "MethodHandle";
            case DYNAMIC -> "Dynamic";
            case INVOKE_DYNAMIC -> "InvokeDynamic";
            default -> "tag " + tag;
        };
    }

    /** Returns entry {@code index} as a string; it must be a {@code Utf8} entry. */
    public String utf8(int index) {
        int offset = checkedOffset(index, UTF8);
        if (strings == null) {
            strings = new String[offsets.length];
        }
        String s = strings[index];
        if (s == null) {
            s = ModifiedUtf8.decode(buffer.bytes(), offset + 3, buffer.u2(offset + 1));
            strings[index] = s;
        }
        return s;
    }

    /** Returns whether {@code Utf8} entry {@code index} holds exactly the given bytes. */
    public boolean utf8Equals(int index, byte[] expected) {
        int offset = checkedOffset(index, UTF8);
        int length = buffer.u2(offset + 1);
        if (length != expected.length) {
            return false;
        }
        byte[] bytes = buffer.bytes();
        for (int i = 0; i < length; i++) {
            if (bytes[offset + 3 + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the hash of {@code Utf8} entry {@code index}'s bytes, as {@link ModifiedUtf8#hash} would. */
    public int utf8Hash(int index) {
        int offset = checkedOffset(index, UTF8);
        return ModifiedUtf8.hash(buffer.bytes(), offset + 3, buffer.u2(offset + 1));
    }

    /** Returns the internal name held by {@code Class} entry {@code index}. */
    public String className(int index) {
        return utf8(classNameIndex(index));
    }

    /** Returns the index of the name of {@code Class} entry {@code index}, checked to be a {@code Utf8} entry. */
    int classNameIndex(int index) {
        int name = buffer.u2(checkedOffset(index, CLASS) + 1);
        checkedOffset(name, UTF8);
        return name;
    }

    /**
     * Returns the method a {@code Methodref} or {@code InterfaceMethodref} entry refers to.
     *
     * @throws MalformedClassException if the entry is neither
     */
    public MethodRef method(int index) {
        int offset = methodRefOffset(index);
        if (methods == null) {
            methods = new MethodRef[offsets.length];
        }
        MethodRef method = methods[index];
        if (method == null) {
            int nameAndType = checkedOffset(buffer.u2(offset + 3), NAME_AND_TYPE);
            method = new MethodRef(className(buffer.u2(offset + 1)), utf8(buffer.u2(nameAndType + 1)),
                    utf8(buffer.u2(nameAndType + 3)));
            methods[index] = method;
        }
        return method;
    }

    /** Returns the {@code Utf8} index of the owner name of a {@code Methodref} or {@code InterfaceMethodref} entry. */
    public int methodOwnerNameIndex(int index) {
        return classNameIndex(buffer.u2(methodRefOffset(index) + 1));
    }

    private int methodRefOffset(int index) {
        int tag = tag(index);
        if (tag != METHODREF && tag != INTERFACE_METHODREF) {
            throw new MalformedClassException("constant pool entry " + index + " is not a method reference");
        }
        return offsets[index];
    }
}
