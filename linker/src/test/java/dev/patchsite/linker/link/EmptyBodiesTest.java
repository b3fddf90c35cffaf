package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.table.MethodRef;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which bodies a call of may be patched out: a static {@code void} method of {@code return} alone, in a class whose
 * initialization does nothing (no static initializer; an interface, or a class of {@code Object} without interfaces).
 */
class EmptyBodiesTest {

    private static final MethodRef HIT = new MethodRef("p/T", "hit", "(I)V");

    @Test
    void aReturnAloneInAnInterfaceOrAPlainClassIsEmpty() {
        assertTrue(EmptyBodies.isEmpty(type(true, "java/lang/Object", method(Opcodes.ACC_STATIC, false)), HIT));
        assertTrue(EmptyBodies.isEmpty(type(false, "java/lang/Object", method(Opcodes.ACC_STATIC, false)), HIT));
    }

    @Test
    void anyOtherInstructionOrModifierIsNot() {
        assertFalse(EmptyBodies.isEmpty(type(false, "java/lang/Object", method(Opcodes.ACC_STATIC, true)), HIT),
                "nop; return");
        assertFalse(EmptyBodies.isEmpty(type(false, "java/lang/Object",
                method(Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED, false)), HIT), "synchronized");
        assertFalse(EmptyBodies.isEmpty(type(false, "java/lang/Object", method(Opcodes.ACC_STATIC, false)),
                new MethodRef("p/T", "other", "(I)V")), "another method");
    }

    @Test
    void aClassWhoseInitializationDoesSomethingIsNot() {
        Consumer<ClassWriter> hit = method(Opcodes.ACC_STATIC, false);
        assertFalse(EmptyBodies.isEmpty(type(false, "p/Base", hit), HIT), "initializing it initializes p/Base");
        assertFalse(EmptyBodies.isEmpty(type(false, "java/lang/Object", hit.andThen(writer -> {
            MethodVisitor clinit = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.visitCode();
            clinit.visitInsn(Opcodes.RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();
        })), HIT), "a static initializer");
    }

    /** {@code static void hit(int)}: {@code return}, or {@code nop; return}. */
    private static Consumer<ClassWriter> method(int access, boolean nop) {
        return writer -> {
            MethodVisitor hit = writer.visitMethod(Opcodes.ACC_PUBLIC | access, "hit", "(I)V", null, null);
            hit.visitCode();
            if (nop) {
                hit.visitInsn(Opcodes.NOP);
            }
            hit.visitInsn(Opcodes.RETURN);
            hit.visitMaxs(0, 1);
            hit.visitEnd();
        };
    }

    private static byte[] type(boolean isInterface, String superName, Consumer<ClassWriter> members) {
        ClassWriter writer = new ClassWriter(0);
        int access = Opcodes.ACC_PUBLIC | (isInterface ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : 0);
        writer.visit(Opcodes.V17, access, "p/T", null, superName, null);
        writer.visitField(Opcodes.ACC_STATIC, "count", "J", null, null).visitEnd();
        members.accept(writer);
        writer.visitEnd();
        return writer.toByteArray();
    }
}
