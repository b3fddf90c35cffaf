package dev.patchsite.testdata;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny class-file writer, just enough for the generators: a public class extending {@code java/lang/Object} with
 * methods whose bytecode is given as bytes. No fields, no interfaces, no stack map frames (so only straight-line code
 * on class-file versions 50 and later, where the verifier needs no frames for it).
 *
 * <p>Constant-pool entries are created on first use and shared, in the order of use; {@link #raw} adds an entry
 * with whatever operands it is given, valid or not, and {@link #bootstrapMethod} fills a {@code BootstrapMethods}
 * attribute.
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
    static final int LDC_W = 0x13;
    static final int POP = 0x57;

    static final int CONSTANT_DYNAMIC = 17;
    static final int REF_INVOKE_STATIC = 6;

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
    private final List<int[]> bootstrapMethods = new ArrayList<>();
    private int rawCount;

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
        return method(access, name, descriptor, maxStack, maxLocals, code, 0, new byte[0]);
    }

    /**
     * Adds a method with a {@code Code} attribute, no exception handlers and the given attributes of its own.
     *
     * @param access the access flags
     * @param name the method's name
     * @param descriptor the method's descriptor
     * @param maxStack the operand stack size
     * @param maxLocals the number of local variable slots
     * @param code the bytecode
     * @param attributeCount the {@code attributes_count} of the {@code Code} attribute
     * @param attributes the bytes of its attributes, as they are
     * @return this writer
     */
    ClassBytes method(int access, String name, String descriptor, int maxStack, int maxLocals, byte[] code,
            int attributeCount, byte[] attributes) {
        try {
            methods.writeShort(access);
            methods.writeShort(utf8(name));
            methods.writeShort(utf8(descriptor));
            methods.writeShort(1); // attributes_count
            methods.writeShort(utf8("Code"));
            methods.writeInt(2 + 2 + 4 + code.length + 2 + 2 + attributes.length); // attribute_length
            methods.writeShort(maxStack);
            methods.writeShort(maxLocals);
            methods.writeInt(code.length);
            methods.write(code);
            methods.writeShort(0); // exception_table_length
            methods.writeShort(attributeCount);
            methods.write(attributes);
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

    /** Returns the index of a {@code CONSTANT_Methodref} of the given {@code Class} entry, whatever it holds. */
    int methodRef(int classIndex, String name, String descriptor) {
        return raw(CONSTANT_METHODREF, classIndex, nameAndType(name, descriptor));
    }

    /** Adds a {@code CONSTANT_Class} naming the given pool index, whatever it holds, and returns its index. */
    int classRef(int nameIndex) {
        return raw(CONSTANT_CLASS, nameIndex);
    }

    /** Adds a {@code CONSTANT_MethodHandle} of the given kind and reference and returns its index. */
    int methodHandle(int kind, int reference) {
        try {
            pool.writeByte(15);
            pool.writeByte(kind);
            pool.writeShort(reference);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return poolCount++;
    }

    /** Adds a {@code CONSTANT_Dynamic} of the given bootstrap method number, name and descriptor; returns its index. */
    int dynamic(int bootstrapMethod, String name, String descriptor) {
        return raw(CONSTANT_DYNAMIC, bootstrapMethod, nameAndType(name, descriptor));
    }

    /** Adds an entry of the given tag whose operands are the given u2 values, never shared; returns its index. */
    int raw(int tag, int... operands) {
        return entry("raw " + rawCount++, tag, operands);
    }

    /**
     * Adds a bootstrap method to the class's {@code BootstrapMethods} attribute and returns its number.
     *
     * @param handle the pool index of its {@code MethodHandle}
     * @param arguments the pool indexes of its arguments
     * @return its number
     */
    int bootstrapMethod(int handle, int... arguments) {
        int[] method = new int[arguments.length + 1];
        method[0] = handle;
        System.arraycopy(arguments, 0, method, 1, arguments.length);
        bootstrapMethods.add(method);
        return bootstrapMethods.size() - 1;
    }

    /** Replaces the arguments of a bootstrap method, e.g. with entries made after it. */
    void bootstrapArguments(int number, int... arguments) {
        int[] method = new int[arguments.length + 1];
        method[0] = bootstrapMethods.get(number)[0];
        System.arraycopy(arguments, 0, method, 1, arguments.length);
        bootstrapMethods.set(number, method);
    }

    /** Returns the {@code constant_pool_count} so far: one more than the last entry's index. */
    int poolCount() {
        return poolCount;
    }

    /** Returns the index of a {@code CONSTANT_Utf8}, creating it on first use. */
    int utf8(String value) {
        return utf8Entry(value);
    }

    /** Returns the whole class file. */
    byte[] toByteArray() {
        int bootstrapMethodsName = bootstrapMethods.isEmpty() ? 0 : utf8("BootstrapMethods");
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
            if (bootstrapMethods.isEmpty()) {
                out.writeShort(0); // attributes_count
            } else {
                out.writeShort(1);
                out.writeShort(bootstrapMethodsName);
                int length = 2;
                for (int[] method : bootstrapMethods) {
                    length += 4 + 2 * (method.length - 1);
                }
                out.writeInt(length);
                out.writeShort(bootstrapMethods.size());
                for (int[] method : bootstrapMethods) {
                    out.writeShort(method[0]);
                    out.writeShort(method.length - 1);
                    for (int i = 1; i < method.length; i++) {
                        out.writeShort(method[i]);
                    }
                }
            }
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

    private int utf8Entry(String value) {
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
