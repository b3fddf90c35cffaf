package dev.patchsite.linker.internal.classfile;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code PatchedOut} class attribute: where a class linked in {@code static} mode had calls of empty {@code void}
 * bodies that the link patched out ({@link PatchOut}), and what each called. The call is gone from the bytecode, so
 * without it a patched-out site could not be told from the pops the program wrote: with it, the scanner reads each
 * as the call it was, at the same place in bytecode order (so every other site keeps its ordinal), and
 * {@code verify} proves that the table's sites are all there (invariant 11). The JVM ignores the attribute. Its
 * {@code info}:
 *
 * <pre>
 * u1  version (1)
 * u2  call count, then per call, in class-file order:
 *       u2 the Utf8 index of the name of the method holding the call (as linked: a function's moved body)
 *       u2 the Utf8 index of its descriptor
 *       u2 the offset of the patched-out instruction in the method's code
 *       u2 the Methodref (or InterfaceMethodref) index of the call as the program wrote it
 * </pre>
 */
public final class PatchedOutCalls {

    /** The attribute's name. */
    public static final String ATTRIBUTE = "PatchedOut";
    /** The format version. */
    public static final int VERSION = 1;

    private final Map<String, Map<Integer, Integer>> byMethod;

    private PatchedOutCalls(Map<String, Map<Integer, Integer>> byMethod) {
        this.byMethod = byMethod;
    }

    /** One patched-out call, as the attribute records it: constant pool indexes and the code offset. */
    public record Call(int methodName, int methodDescriptor, int offset, int methodref) {
    }

    /**
     * Returns the attribute's {@code info}.
     *
     * @param calls the calls, in class-file order
     * @return the bytes
     */
    public static byte[] info(List<Call> calls) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(3 + 8 * calls.size());
        out.write(VERSION);
        u2(out, calls.size());
        for (Call call : calls) {
            u2(out, call.methodName());
            u2(out, call.methodDescriptor());
            u2(out, call.offset());
            u2(out, call.methodref());
        }
        return out.toByteArray();
    }

    /**
     * Reads the attribute.
     *
     * @param buffer the class file
     * @param pool its constant pool
     * @param info the offset of the attribute's {@code info}
     * @param length its length, within the bytes
     * @return the calls
     * @throws MalformedClassException if the attribute is of another version, runs past its length, or names
     *     constants that are not a name, a descriptor and a method
     */
    public static PatchedOutCalls read(ClassBuffer buffer, ConstantPool pool, int info, int length) {
        if (length < 3 || buffer.u1(info) != VERSION) {
            throw new MalformedClassException(ATTRIBUTE + " attribute of another version or truncated");
        }
        int count = buffer.u2(info + 1);
        if (length != 3 + 8 * count) {
            throw new MalformedClassException(ATTRIBUTE + " attribute of " + length + " bytes for " + count
                    + " calls");
        }
        Map<String, Map<Integer, Integer>> byMethod = new HashMap<>();
        for (int i = 0, at = info + 3; i < count; i++, at += 8) {
            int methodref = buffer.u2(at + 6);
            int tag = pool.tag(methodref);
            if (pool.tag(buffer.u2(at)) != ConstantPool.UTF8 || pool.tag(buffer.u2(at + 2)) != ConstantPool.UTF8
                    || tag != ConstantPool.METHODREF && tag != ConstantPool.INTERFACE_METHODREF) {
                throw new MalformedClassException(ATTRIBUTE + " attribute: call " + i + " names constants that are"
                        + " not a method's name, descriptor and a method");
            }
            String method = pool.utf8(buffer.u2(at)) + pool.utf8(buffer.u2(at + 2));
            if (byMethod.computeIfAbsent(method, m -> new HashMap<>()).put(buffer.u2(at + 4), methodref) != null) {
                throw new MalformedClassException(ATTRIBUTE + " attribute: offset " + buffer.u2(at + 4) + " of "
                        + method + " given twice");
            }
        }
        return new PatchedOutCalls(byMethod);
    }

    /** Returns the calls of none. */
    public static PatchedOutCalls none() {
        return new PatchedOutCalls(Map.of());
    }

    /**
     * Returns the calls patched out in a method: by code offset, the Methodref index of each.
     *
     * @param nameAndDescriptor the method's name and descriptor, e.g. {@code run()V}
     * @return the calls; empty if none
     */
    public Map<Integer, Integer> in(String nameAndDescriptor) {
        return byMethod.getOrDefault(nameAndDescriptor, Map.of());
    }

    /**
     * Returns the methods with patched-out calls.
     *
     * @return their names and descriptors
     */
    public Set<String> methods() {
        return byMethod.keySet();
    }

    private static void u2(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }
}
