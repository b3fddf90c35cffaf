package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.MethodRef;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the trampoline class of a group this link does not rewrite (a JDK class, a class of a jar only read):
 * {@code patchsite/trampolines/<group>}, a public class whose public static methods forward each function to its
 * selection, and which the program's sites call instead of the function. The runtime recognizes the package and
 * takes the function's own body as its default.
 */
final class GeneratedTrampolines {

    private GeneratedTrampolines() {
    }

    /**
     * Returns the class file of a group's trampoline class.
     *
     * @param program the program
     * @param group the internal name of the group
     * @param functions the group's functions
     * @return the class file, Java 8 (version 52)
     */
    static byte[] write(Program program, String group, List<Function> functions) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                Program.generatedTrampolineClass(group), null, "java/lang/Object", null);
        for (Function function : functions) {
            MethodRef method = function.method();
            MethodVisitor visitor = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, method.name(),
                    method.descriptor(), null, null);
            MethodRef target = null;
            if (program.mode() == LinkMode.STATIC) {
                target = program.implementation(program.staticSelection(group), function);
            }
            TrampolineBody.write(visitor, method.name(), method.descriptor(), target,
                    target != null && program.isInterfaceOwner(target.owner()));
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
