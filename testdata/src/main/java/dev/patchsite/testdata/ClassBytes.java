package dev.patchsite.testdata;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A tiny class-file writer, just enough for the generators: a public class extending {@code java/lang/Object} with
 * methods whose bytecode is given as bytes. No fields, no interfaces, no stack map frames (so only straight-line code
 * on class-file versions 50 and later, where the verifier needs no frames for it).
 *
 * <p>Constant-pool entries are created on first use and shared, in the order of use.
 */
final class ClassBytes {

    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_STATIC = 0x0008;
    static final int ACC_SUPER = 0x0020;

    static final int ALOAD_0 = 0x2A;
    static final int ILOAD_1 = 0x1B;
    static final int INVOKESPECIAL = 0xB7;
    static final int INVOKESTATIC = 0xB8;
    static final int RETURN = 0xB1;

    private static final int CONSTANT_UTF8 = 1;
    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_METHODREF = 10;
    private static final int CONSTANT_NAME_AND_TYPE = 12;

    private final int major;
    private final int thisClass;
    private final int superClass;
    private final ByteArrayOutputStream poolBytes = new ByteArrayOutputStream();
    private final DataOutputStream pool = new DataOutputStream(poolBytes);
    private final Map<String, Integer> poolIndex = new HashMap<>();
    private int poolCount = 1;
    private final ByteArrayOutputStream methodBytes = new ByteArrayOutputStream();
    private final DataOutputStream methods = new DataOutputStream(methodBytes);
    private int methodCount;

    /**
     * Starts a class.
     *
     * @param major the class-file major version, e.g. 50 for Java 6, 52 for Java 8
     * @param internalName the internal name of the class, e.g. {@code x/Good}
     */
    ClassBytes(int major, String internalName) {
        this.major = major;
        this.thisClass = classRef(internalName);
        this.superClass = classRef("java/lang/Object");
    }

    /** Adds the public no-argument constructor that calls {@code Object.<init>}. */
    ClassBytes constructor() {
        int init = methodRef("java/lang/Object", "<init>", "()V");
        return method(ACC_PUBLIC, "<init>", "()V", 1, 1, new byte[] {
            (byte) ALOAD_0,
            (byte) INVOKESPECIAL, (byte) (init >> 8), (byte) init,
            (byte) RETURN,
        });
    }

    /**
     * Adds a method with a {@code Code} attribute and no exception handlers.
     *
     * @param access the access flags
     * @param name the method's name
     * @param descriptor the method's descriptor
     * @param maxStack the operand stack size
     * @param maxLocals the number of local variable slots
     * @param code the bytecode
     * @return this writer
     */
    ClassBytes method(int access, String name, String descriptor, int maxStack, int maxLocals, byte[] code) {
        try {
            methods.writeShort(access);
            methods.writeShort(utf8(name));
            methods.writeShort(utf8(descriptor));
            methods.writeShort(1); // attributes_count
            methods.writeShort(utf8("Code"));
            methods.writeInt(2 + 2 + 4 + code.length + 2 + 2); // attribute_length
            methods.writeShort(maxStack);
            methods.writeShort(maxLocals);
            methods.writeInt(code.length);
            methods.write(code);
            methods.writeShort(0); // exception_table_length
            methods.writeShort(0); // attributes_count
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        methodCount++;
        return this;
    }

    /** Returns the index of a {@code CONSTANT_Methodref}, creating it on first use. */
    int methodRef(String owner, String name, String descriptor) {
        int ownerIndex = classRef(owner);
        int nameAndType = nameAndType(name, descriptor);
        return entry("Methodref " + owner + "." + name + descriptor, CONSTANT_METHODREF, ownerIndex, nameAndType);
    }

    /** Returns the whole class file. */
    byte[] toByteArray() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0); // minor_version
            out.writeShort(major);
            out.writeShort(poolCount);
            pool.flush();
            poolBytes.writeTo(out);
            out.writeShort(ACC_PUBLIC | ACC_SUPER);
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(0); // interfaces_count
            out.writeShort(0); // fields_count
            out.writeShort(methodCount);
            methods.flush();
            methodBytes.writeTo(out);
            out.writeShort(0); // attributes_count
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private int classRef(String internalName) {
        return entry("Class " + internalName, CONSTANT_CLASS, utf8(internalName));
    }

    private int nameAndType(String name, String descriptor) {
        return entry("NameAndType " + name + descriptor, CONSTANT_NAME_AND_TYPE, utf8(name), utf8(descriptor));
    }

    private int utf8(String value) {
        Integer index = poolIndex.get("Utf8 " + value);
        if (index != null) {
            return index;
        }
        try {
            pool.writeByte(CONSTANT_UTF8);
            pool.writeUTF(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        poolIndex.put("Utf8 " + value, poolCount);
        return poolCount++;
    }

    /** An entry whose operands are constant-pool indexes (u2 each). */
    private int entry(String key, int tag, int... operands) {
        Integer index = poolIndex.get(key);
        if (index != null) {
            return index;
        }
        try {
            pool.writeByte(tag);
            for (int operand : operands) {
                pool.writeShort(operand);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        poolIndex.put(key, poolCount);
        return poolCount++;
    }
}
