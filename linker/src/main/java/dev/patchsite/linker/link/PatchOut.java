package dev.patchsite.linker.link;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The instruction that patches a call of an empty {@code void} body out: in the three bytes of its
 * {@code invokestatic}, the pops of its arguments, then {@code nop}s. The stack after it is the stack after the call
 * (the arguments consumed, nothing pushed), so the stack map frames of the method stay valid, and no frame can be
 * needed inside the three bytes: nothing branched into the middle of the call.
 */
final class PatchOut {

    private PatchOut() {
    }

    /**
     * Returns the instruction that patches out a call of a method of this descriptor.
     *
     * @param descriptor the called method's descriptor
     * @return the three bytes, big-endian in an int, or -1 if the method returns a value or its arguments cannot be
     *     popped in three bytes
     */
    static int instruction(String descriptor) {
        Type method = Type.getMethodType(descriptor);
        if (method.getReturnType().getSort() != Type.VOID) {
            return -1;
        }
        Type[] arguments = method.getArgumentTypes();
        int out = 0;
        int length = 0;
        // From the top of the stack: pop2 takes one long or double, or two one-slot values at once.
        for (int i = arguments.length - 1; i >= 0; i--) {
            int opcode;
            if (arguments[i].getSize() == 1 && i > 0 && arguments[i - 1].getSize() == 1) {
                opcode = Opcodes.POP2;
                i--;
            } else {
                opcode = arguments[i].getSize() == 2 ? Opcodes.POP2 : Opcodes.POP;
            }
            if (++length > 3) {
                return -1;
            }
            out = out << 8 | opcode;
        }
        for (; length < 3; length++) {
            out = out << 8 | Opcodes.NOP;
        }
        return out;
    }
}
