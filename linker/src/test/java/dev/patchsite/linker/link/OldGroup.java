package dev.patchsite.linker.link;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A group of a class-file version javac no longer writes, made with ASM: {@code old.OldGroup} with
 * {@code @RuntimeStatic public static int answer()}, whose default returns 42.
 */
final class OldGroup {

    private OldGroup() {
    }

    /**
     * Returns the group's class file.
     *
     * @param version the class-file version, e.g. {@link Opcodes#V1_5}
     * @return the bytes of {@code old/OldGroup.class}
     */
    static byte[] bytes(int version) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "old/OldGroup", null,
                "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "answer", "()I", null,
                null);
        method.visitAnnotation("Ldev/patchsite/RuntimeStatic;", false).visitEnd();
        method.visitCode();
        method.visitIntInsn(Opcodes.BIPUSH, 42);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(1, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
