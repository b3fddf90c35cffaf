package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the trampoline class of a group this link does not rewrite (a JDK class, a class of a jar only read):
 * {@code patchsite/trampolines/<group>}, a public class whose public static methods forward each function to its
 * selection, and which the program's sites call instead of the function. The function's own body is its default.
 * The class holds its trampolines' constants itself (see {@link TrampolineHolder}): it is initialized at the first
 * call of one of them, which binds the group.
 */
final class GeneratedTrampolines {

    private GeneratedTrampolines() {
    }

    /**
     * Returns the class file of a group's trampoline class.
     *
     * @param program the program
     * @param group the internal name of the group
     * @return the class file, Java 8 (version 52)
     */
    static byte[] write(Program program, String group) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                Program.generatedTrampolineClass(group), null, "java/lang/Object", null);
        for (Function function : program.functions(group)) {
            MethodRef method = function.method();
            MethodVisitor visitor = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, method.name(),
                    method.descriptor(), null, null);
            TrampolineBody.write(visitor, program, function);
        }
        if (TrampolineHolder.needed(program, group)) {
            TrampolineHolder.addConstants(writer, program, group);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
