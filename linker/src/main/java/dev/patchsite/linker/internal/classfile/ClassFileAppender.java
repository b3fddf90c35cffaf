package dev.patchsite.linker.internal.classfile;

import dev.patchsite.linker.table.MethodRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits a class file without parsing it into a tree: adds constants at the end of its pool, changes u2 operands in
 * place, and appends one class attribute after the others, so that it ends the file. Everything else is copied byte
 * for byte, so the pool's indexes, the code and its stack map frames stay valid; only absolute offsets past the pool
 * move, by {@link #poolGrowth()}. Constants already in the pool are reused.
 *
 * <p>This is the whole of what boot-mode linking does to most classes (name the agent's patch data, point calls at
 * a trampoline), at the cost of two copies of the bytes instead of a full read and write with ASM.
 */
public final class ClassFileAppender {

    private static final int MAX_POOL = 65535;

    private final byte[] original;
    private final ClassBuffer buffer = new ClassBuffer();
    private final ConstantPool pool;
    private final ByteArrayOutputStream added = new ByteArrayOutputStream();
    private final Map<String, Integer> addedIndexes = new HashMap<>();
    private final Map<String, Integer> found = new HashMap<>();
    private final List<int[]> edits = new ArrayList<>();
    private int count;

    /**
     * Reads a class file's constant pool.
     *
     * @param classFile the class file; not modified
     * @throws RuntimeException naming the problem, if the bytes are not a class file
     */
    public ClassFileAppender(byte[] classFile) {
        this.original = classFile;
        buffer.start(classFile);
        try {
            this.pool = ConstantPool.read(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.count = pool.count();
    }

    /** Returns the class's internal name. */
    public String className() {
        return pool.className(u2(pool.end() + 2));
    }

    /** Returns how many bytes the added constants take: what every offset past the pool moves by. */
    public int poolGrowth() {
        return added.size();
    }

    /**
     * Returns the index of a {@code Utf8} constant, added if the pool has none.
     *
     * @param value the string
     * @return its index
     */
    public int utf8(String value) {
        byte[] bytes = ModifiedUtf8.encode(value);
        if (bytes.length > MAX_POOL) {
            throw new IllegalArgumentException("a constant string longer than 65,535 bytes");
        }
        for (int i = 1; i < pool.count(); i++) {
            if (pool.tag(i) == ConstantPool.UTF8 && pool.utf8Equals(i, bytes)) {
                return i;
            }
        }
        return add("u" + value, 3 + bytes.length, () -> {
            added.write(ConstantPool.UTF8);
            write2(bytes.length);
            added.write(bytes, 0, bytes.length);
        });
    }

    /**
     * Returns the index of a {@code Methodref} (or {@code InterfaceMethodref}) constant, added if the pool has none.
     *
     * @param method the method
     * @param isInterface whether its owner is an interface
     * @return its index
     */
    public int method(MethodRef method, boolean isInterface) {
        // A class asks for the same few methods once per site: each is looked for once.
        String key = (isInterface ? "I" : "M") + method;
        Integer known = found.get(key);
        if (known == null) {
            known = findOrAddMethod(method, isInterface);
            found.put(key, known);
        }
        return known;
    }

    private int findOrAddMethod(MethodRef method, boolean isInterface) {
        int tag = isInterface ? ConstantPool.INTERFACE_METHODREF : ConstantPool.METHODREF;
        byte[] owner = ModifiedUtf8.encode(method.owner());
        byte[] name = ModifiedUtf8.encode(method.name());
        byte[] descriptor = ModifiedUtf8.encode(method.descriptor());
        for (int i = 1; i < pool.count(); i++) {
            if (pool.tag(i) == tag) {
                int offset = pool.offset(i);
                int nameAndType = u2(offset + 3);
                if (pool.tag(nameAndType) == ConstantPool.NAME_AND_TYPE
                        && pool.tag(u2(offset + 1)) == ConstantPool.CLASS
                        && utf8Is(pool.classNameIndex(u2(offset + 1)), owner)
                        && utf8Is(u2(pool.offset(nameAndType) + 1), name)
                        && utf8Is(u2(pool.offset(nameAndType) + 3), descriptor)) {
                    return i;
                }
            }
        }
        int ownerIndex = classConstant(method.owner());
        int nameAndType = nameAndType(method.name(), method.descriptor());
        return add(tag + ":" + ownerIndex + ":" + nameAndType, 5, () -> {
            added.write(tag);
            write2(ownerIndex);
            write2(nameAndType);
        });
    }

    private int classConstant(String internalName) {
        byte[] bytes = ModifiedUtf8.encode(internalName);
        for (int i = 1; i < pool.count(); i++) {
            if (pool.tag(i) == ConstantPool.CLASS && utf8Is(pool.classNameIndex(i), bytes)) {
                return i;
            }
        }
        int name = utf8(internalName);
        return add("c" + name, 3, () -> {
            added.write(ConstantPool.CLASS);
            write2(name);
        });
    }

    private int nameAndType(String name, String descriptor) {
        byte[] nameBytes = ModifiedUtf8.encode(name);
        byte[] descriptorBytes = ModifiedUtf8.encode(descriptor);
        for (int i = 1; i < pool.count(); i++) {
            if (pool.tag(i) == ConstantPool.NAME_AND_TYPE) {
                int offset = pool.offset(i);
                if (utf8Is(u2(offset + 1), nameBytes) && utf8Is(u2(offset + 3), descriptorBytes)) {
                    return i;
                }
            }
        }
        int nameIndex = utf8(name);
        int descriptorIndex = utf8(descriptor);
        return add("n" + nameIndex + ":" + descriptorIndex, 5, () -> {
            added.write(ConstantPool.NAME_AND_TYPE);
            write2(nameIndex);
            write2(descriptorIndex);
        });
    }

    /** Returns whether pool entry {@code index} is a {@code Utf8} holding exactly the given bytes. */
    private boolean utf8Is(int index, byte[] bytes) {
        return pool.tag(index) == ConstantPool.UTF8 && pool.utf8Equals(index, bytes);
    }

    private int add(String key, int size, Runnable write) {
        Integer known = addedIndexes.get(key);
        if (known != null) {
            return known;
        }
        if (count >= MAX_POOL) {
            throw new FullException("the constant pool is full (65,535 entries)");
        }
        write.run();
        int index = count++;
        addedIndexes.put(key, index);
        return index;
    }

    /**
     * Sets a u2 of the class file, e.g. the operand of an instruction.
     *
     * @param offset where it is in the original class file
     * @param value the new value
     */
    public void setU2(int offset, int value) {
        edits.add(new int[] {offset, value, 2});
    }

    /**
     * Sets a u1 of the class file, e.g. an opcode.
     *
     * @param offset where it is in the original class file
     * @param value the new value
     */
    public void setU1(int offset, int value) {
        edits.add(new int[] {offset, value, 1});
    }

    /**
     * Writes the edited class file.
     *
     * @param attributeName the {@code Utf8} index of the appended attribute's name, from {@link #utf8}; ignored if
     *     {@code info} is null
     * @param info the appended attribute's contents, or null to append none
     * @return the class file
     * @throws RuntimeException naming the problem, if the class file does not end where its attributes do
     */
    public byte[] toByteArray(int attributeName, byte[] info) {
        int poolEnd = pool.end();
        int attributes = classAttributesOffset(poolEnd);
        int growth = added.size();
        int extra = info == null ? 0 : 6 + info.length;
        byte[] out = new byte[original.length + growth + extra];
        System.arraycopy(original, 0, out, 0, poolEnd);
        out[8] = (byte) (count >>> 8);
        out[9] = (byte) count;
        byte[] constants = added.toByteArray();
        System.arraycopy(constants, 0, out, poolEnd, growth);
        System.arraycopy(original, poolEnd, out, poolEnd + growth, original.length - poolEnd);
        for (int[] edit : edits) {
            int at = edit[0] >= poolEnd ? edit[0] + growth : edit[0];
            for (int i = 0; i < edit[2]; i++) {
                out[at + i] = (byte) (edit[1] >>> 8 * (edit[2] - 1 - i));
            }
        }
        if (info != null) {
            int countAt = attributes + growth;
            int attributeCount = u2(attributes) + 1;
            if (attributeCount > MAX_POOL) {
                throw new FullException("the class has 65,535 attributes already");
            }
            out[countAt] = (byte) (attributeCount >>> 8);
            out[countAt + 1] = (byte) attributeCount;
            int at = original.length + growth;
            out[at] = (byte) (attributeName >>> 8);
            out[at + 1] = (byte) attributeName;
            out[at + 2] = (byte) (info.length >>> 24);
            out[at + 3] = (byte) (info.length >>> 16);
            out[at + 4] = (byte) (info.length >>> 8);
            out[at + 5] = (byte) info.length;
            System.arraycopy(info, 0, out, at + 6, info.length);
        }
        return out;
    }

    /** Walks past the interfaces, fields and methods to the class's {@code attributes_count}. */
    private int classAttributesOffset(int poolEnd) {
        ClassLayout layout = ClassLayout.read(buffer, poolEnd);
        int at = layout.attributes();
        if (at + 2 > original.length || layout.skipAttributes(at) != original.length) {
            throw new MalformedClassException("class file does not end where its attributes do");
        }
        return at;
    }

    private int u2(int offset) {
        if (offset + 2 > original.length) {
            throw new MalformedClassException("truncated class file (" + original.length + " bytes)");
        }
        return (original[offset] & 0xff) << 8 | original[offset + 1] & 0xff;
    }

    private void write2(int value) {
        added.write(value >>> 8);
        added.write(value);
    }

    /** The class cannot grow as asked: its constant pool, or its table of attributes, is full. */
    public static final class FullException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        FullException(String message) {
            super(message);
        }
    }
}
