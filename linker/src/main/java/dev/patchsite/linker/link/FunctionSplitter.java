package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Function;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypePath;

/**
 * Splits a function's method in two as ASM visits it: the method's own code goes, unchanged and with its frames, to
 * the synthetic default method; the method's annotations and parameters stay with the method under its own name,
 * whose new body is the trampoline, written at {@link #visitEnd}.
 *
 * <p>ASM calls {@code visitParameter}, {@code visitAnnotation...}, {@code visitTypeAnnotation},
 * {@code visitAttribute}, then {@code visitCode} and the code, then {@code visitMaxs} and {@code visitEnd}.
 */
final class FunctionSplitter extends MethodVisitor {

    private final MethodVisitor trampoline;
    private final Program program;
    private final Function function;

    /**
     * Creates the splitter.
     *
     * @param trampoline the visitor of the method under the function's name
     * @param defaultBody the visitor of the synthetic default method
     * @param program the program
     * @param function the function
     */
    FunctionSplitter(MethodVisitor trampoline, MethodVisitor defaultBody, Program program, Function function) {
        super(Opcodes.ASM9, defaultBody);
        this.trampoline = trampoline;
        this.program = program;
        this.function = function;
    }

    @Override
    public void visitParameter(String parameter, int access) {
        trampoline.visitParameter(parameter, access);
    }

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
        return trampoline.visitAnnotationDefault();
    }

    @Override
    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
        return trampoline.visitAnnotation(annotation, visible);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
        return trampoline.visitTypeAnnotation(typeRef, typePath, annotation, visible);
    }

    @Override
    public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
        trampoline.visitAnnotableParameterCount(parameterCount, visible);
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
        return trampoline.visitParameterAnnotation(parameter, annotation, visible);
    }

    @Override
    public void visitAttribute(Attribute attribute) {
        trampoline.visitAttribute(attribute);
    }

    @Override
    public void visitEnd() {
        super.visitEnd();
        TrampolineBody.write(trampoline, program, function);
    }
}
