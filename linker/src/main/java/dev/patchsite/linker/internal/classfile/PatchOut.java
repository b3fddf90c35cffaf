package dev.patchsite.linker.internal.classfile;

import java.util.Arrays;

/**
 * The instruction that patches a call of an empty {@code void} body out: in the three bytes of its
 * {@code invokestatic}, the pops of its arguments, then {@code nop}s. The stack after it is the stack after the call
 * (the arguments consumed, nothing pushed), so the stack map frames of the method stay valid, and no frame can be
 * needed inside the three bytes: nothing branched into the middle of the call. The boot agent writes it at run time
 * from the patch data; a {@code static} link writes it at link time ({@link PatchedOutCalls} says where).
 */
public final class PatchOut {

    /** The {@code nop} opcode. */
    public static final int NOP = 0x00;
    /** The {@code pop} opcode. */
    public static final int POP = 0x57;
    /** The {@code pop2} opcode. */
    public static final int POP2 = 0x58;
    /** How many bytes the instruction has: those of the {@code invokestatic} it replaces. */
    public static final int LENGTH = 3;

    private PatchOut() {
    }

    /**
     * Returns the instruction that patches out a call of a method of this descriptor.
     *
     * @param descriptor the called method's descriptor
     * @return the three bytes, big-endian in an int, or -1 if the method returns a value or its arguments cannot be
     *     popped in three bytes
     * @throws IllegalArgumentException if the descriptor is not a method descriptor
     */
    public static int instruction(String descriptor) {
        int[] sizes = argumentSizes(descriptor);
        if (sizes == null) {
            return -1;
        }
        int out = 0;
        int length = 0;
        // From the top of the stack: pop2 takes one long or double, or two one-slot values at once.
        for (int i = sizes.length - 1; i >= 0; i--) {
            int opcode;
            if (sizes[i] == 1 && i > 0 && sizes[i - 1] == 1) {
                opcode = POP2;
                i--;
            } else {
                opcode = sizes[i] == 2 ? POP2 : POP;
            }
            if (++length > LENGTH) {
                return -1;
            }
            out = out << 8 | opcode;
        }
        for (; length < LENGTH; length++) {
            out = out << 8 | NOP;
        }
        return out;
    }

    /** Returns the stack slots of each argument of a {@code void} method, or null if the method returns a value. */
    private static int[] argumentSizes(String descriptor) {
        int close = descriptor.indexOf(')');
        if (!descriptor.startsWith("(") || close < 0) {
            throw new IllegalArgumentException("not a method descriptor: " + descriptor);
        }
        if (!descriptor.substring(close + 1).equals("V")) {
            return null;
        }
        int[] sizes = new int[close];
        int count = 0;
        for (int i = 1; i < close; i++) {
            char c = descriptor.charAt(i);
            sizes[count++] = c == 'J' || c == 'D' ? 2 : 1;
            while (c == '[') {
                c = descriptor.charAt(++i);
            }
            if (c == 'L') {
                i = descriptor.indexOf(';', i);
                if (i < 0 || i > close) {
                    throw new IllegalArgumentException("not a method descriptor: " + descriptor);
                }
            }
        }
        return Arrays.copyOf(sizes, count);
    }
}
