package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Variant;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a group class linked in {@code static} mode says when the program is run with
 * {@code -Dpatchsite.select.GROUP}: that the selection was fixed at link time, so the property is ignored. A static
 * program has no runtime to say it (nothing of the runtime runs, or need be there), so the group class says it
 * itself, once, as it is initialized: its static initializer first calls a synthetic method that reads the property
 * and, if it is set, prints one line on standard error. Plain JDK calls, nothing the program does not have; the
 * method's one branch gets the one stack map frame it needs, written here (frames are never computed).
 */
final class StaticSelectionWarning {

    /** The synthetic method the static initializer calls. */
    static final String METHOD = "patchsite$staticSelection";

    private StaticSelectionWarning() {
    }

    /**
     * Returns whether a group class can carry the warning: a class, or an interface of a version that allows static
     * methods (Java 8, class-file version 52).
     */
    static boolean applies(boolean isInterface, int version) {
        return !isInterface || (version & 0xFFFF) >= Opcodes.V1_8;
    }

    /**
     * Returns a visitor of a static initializer that calls the warning's method before the initializer's own code.
     *
     * @param clinit the visitor of the static initializer
     * @param owner the internal name of the group class
     * @param isInterface whether the group class is an interface
     */
    static MethodVisitor callFirst(MethodVisitor clinit, String owner, boolean isInterface) {
        return new MethodVisitor(Opcodes.ASM9, clinit) {
            @Override
            public void visitCode() {
                super.visitCode();
                super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, METHOD, "()V", isInterface);
            }
        };
    }

    /**
     * Adds the warning's method to a group class, and a static initializer that calls it if the class has none.
     *
     * @param visitor the class visitor, at the end of the class
     * @param owner the internal name of the group class
     * @param isInterface whether the group class is an interface
     * @param version the class-file version: frames are written from version 50 on
     * @param hasInitializer whether the class has a static initializer, already made to call the method
     * @param selection the variant fixed at link time, or null for the default
     */
    static void add(ClassVisitor visitor, String owner, boolean isInterface, int version, boolean hasInitializer,
            Variant selection) {
        String group = owner.replace('/', '.');
        String property = "patchsite.select." + group;
        int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | (isInterface ? Opcodes.ACC_PUBLIC
                : Opcodes.ACC_PRIVATE);
        MethodVisitor method = visitor.visitMethod(access, METHOD, "()V", null, null);
        method.visitCode();
        Label end = new Label();
        method.visitLdcInsn(property);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "getProperty",
                "(Ljava/lang/String;)Ljava/lang/String;", false);
        method.visitJumpInsn(Opcodes.IFNULL, end);
        method.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "err", "Ljava/io/PrintStream;");
        method.visitLdcInsn(message(group, selection));
        method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/String;)V",
                false);
        method.visitLabel(end);
        if ((version & 0xFFFF) >= Opcodes.V1_6) {
            method.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(2, 0);
        method.visitEnd();
        if (!hasInitializer) {
            MethodVisitor clinit = visitor.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.visitCode();
            clinit.visitMethodInsn(Opcodes.INVOKESTATIC, owner, METHOD, "()V", isInterface);
            clinit.visitInsn(Opcodes.RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();
        }
    }

    /** Returns the line the group prints. */
    static String message(String group, Variant selection) {
        return "patchsite: warning: -Dpatchsite.select." + group + " is ignored: this program was linked in static"
                + " mode, which fixed the selection of " + group + " at link time ("
                + (selection == null ? "its default" : "variant " + selection.name()) + "); link it in boot or indy"
                + " mode to select at run time";
    }
}
