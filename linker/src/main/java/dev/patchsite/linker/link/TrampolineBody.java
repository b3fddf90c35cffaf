package dev.patchsite.linker.link;

import dev.patchsite.linker.table.MethodRef;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the body of a trampoline: load the arguments, call the selection, return. In {@code boot} and {@code indy}
 * modes the call is an {@code invokedynamic} the runtime binds to the selected implementation; in {@code static}
 * mode it names the implementation chosen at link time. The body has no branch, so it needs no stack map frame.
 */
final class TrampolineBody {

    private TrampolineBody() {
    }

    /**
     * Writes the code of a trampoline into a method visitor positioned after its annotations.
     *
     * @param method the visitor of the trampoline method
     * @param name the function's name
     * @param descriptor the function's descriptor
     * @param target in static mode the implementation to call, else null for an {@code invokedynamic}
     * @param targetIsInterface whether the target's owner is an interface
     */
    static void write(MethodVisitor method, String name, String descriptor, MethodRef target,
            boolean targetIsInterface) {
        method.visitCode();
        int slot = 0;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            method.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        if (target == null) {
            method.visitInvokeDynamicInsn(name, descriptor, Names.TRAMPOLINE);
        } else {
            method.visitMethodInsn(Opcodes.INVOKESTATIC, target.owner(), target.name(), target.descriptor(),
                    targetIsInterface);
        }
        Type returnType = Type.getReturnType(descriptor);
        method.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
        method.visitMaxs(Math.max(slot, returnType.getSize()), slot);
        method.visitEnd();
    }
}
