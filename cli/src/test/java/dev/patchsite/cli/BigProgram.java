package dev.patchsite.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A jar large enough that linking it takes a while, made at test time with ASM: a group {@code big/Group} with one
 * function {@code int f(int)}, and {@code callers} classes {@code big/CallerN}, each with one site of it.
 */
final class BigProgram {

    private static final String GROUP = "big/Group";

    private BigProgram() {
    }

    /**
     * Writes the jar.
     *
     * @param jar where to write it
     * @param callers how many caller classes
     * @return {@code jar}
     * @throws IOException if writing fails
     */
    static Path write(Path jar, int callers) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            add(zip, GROUP, group());
            for (int i = 0; i < callers; i++) {
                add(zip, "big/Caller" + i, caller("big/Caller" + i));
            }
        }
        return jar;
    }

    private static void add(ZipOutputStream zip, String internalName, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(internalName + ".class");
        entry.setTime(1_700_000_000_000L);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] group() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, GROUP, null, "java/lang/Object", null);
        MethodVisitor f = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "f", "(I)I", null, null);
        f.visitAnnotation("Ldev/patchsite/RuntimeStatic;", false).visitEnd();
        f.visitCode();
        f.visitVarInsn(Opcodes.ILOAD, 0);
        f.visitInsn(Opcodes.IRETURN);
        f.visitMaxs(0, 0);
        f.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static byte[] caller(String internalName) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, internalName, null, "java/lang/Object",
                null);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "(I)I", null, null);
        m.visitCode();
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, GROUP, "f", "(I)I", false);
        m.visitInsn(Opcodes.IRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
