package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.Trampolines;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the body of a trampoline, which forwards a function's arguments to its selection and returns its result.
 * In {@code static} mode it calls the implementation chosen at link time. An updatable function's trampoline is an
 * {@code invokedynamic} the runtime binds to the function's {@code MutableCallSite}. Every other trampoline switches
 * on its constant in the group's {@link TrampolineHolder}, whose first read binds the group:
 *
 * <pre>
 * load the arguments
 * if (constant == FIRST_VARIANT + i) return Variant_i.f(arguments)   for each variant that implements f
 * if (constant == THROUGH_RUNTIME) return invokedynamic f(arguments)  (the runtime's trampoline bootstrap)
 * return default(arguments)
 * </pre>
 *
 * The arguments are loaded once, before the tests, so that the body stays small: the JIT folds the constant and its
 * tests, C1 inlines a method of at most 35 bytes (the body is 25 bytes plus the loads and 11 bytes a variant, so a
 * function with one variant and a few arguments fits), and the interpreter runs a {@code getstatic} and a compare per
 * variant before the call. The branch targets get stack map frames: the locals are the arguments, and so is the stack.
 */
final class TrampolineBody {

    private TrampolineBody() {
    }

    /**
     * Writes the code of a function's trampoline into a method visitor positioned after its annotations.
     *
     * @param method the visitor of the trampoline method
     * @param program the program
     * @param function the function
     */
    static void write(MethodVisitor method, Program program, Function function) {
        MethodRef called = function.method();
        Type[] arguments = Type.getArgumentTypes(called.descriptor());
        Type returnType = Type.getReturnType(called.descriptor());
        method.visitCode();
        int slots = 0;
        for (Type argument : arguments) {
            method.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slots);
            slots += argument.getSize();
        }
        int tests = 0;
        if (program.mode() == LinkMode.STATIC) {
            call(method, program, program.implementation(program.staticSelection(function.group()), function));
        } else if (function.updatable()) {
            method.visitInvokeDynamicInsn(called.name(), called.descriptor(), Names.TRAMPOLINE);
        } else {
            switchOnConstant(method, program, function, arguments, returnType);
            tests = 2;
        }
        method.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
        method.visitMaxs(Math.max(slots + tests, returnType.getSize()), slots);
        method.visitEnd();
    }

    /** Writes the tests of the holder's constant and their calls, but the last call's return. */
    private static void switchOnConstant(MethodVisitor method, Program program, Function function, Type[] arguments,
            Type returnType) {
        String holder = TrampolineHolder.className(program, function.group());
        String field = TrampolineHolder.field(program, function);
        Object[] stack = frameTypes(arguments);
        List<Variant> variants = TrampolineHolder.implementing(program, function);
        for (int i = 0; i < variants.size(); i++) {
            Label next = new Label();
            method.visitFieldInsn(Opcodes.GETSTATIC, holder, field, "I");
            push(method, Trampolines.FIRST_VARIANT + i);
            method.visitJumpInsn(Opcodes.IF_ICMPNE, next);
            call(method, program, program.implementation(variants.get(i), function));
            method.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
            frame(method, next, stack);
        }
        Label runtime = new Label();
        method.visitFieldInsn(Opcodes.GETSTATIC, holder, field, "I");
        method.visitJumpInsn(Opcodes.IFEQ, runtime);
        call(method, program, program.defaultBody(function));
        method.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
        frame(method, runtime, stack);
        method.visitInvokeDynamicInsn(function.method().name(), function.method().descriptor(), Names.TRAMPOLINE);
    }

    private static void call(MethodVisitor method, Program program, MethodRef target) {
        method.visitMethodInsn(Opcodes.INVOKESTATIC, target.owner(), target.name(), target.descriptor(),
                program.isInterfaceOwner(target.owner()));
    }

    private static void push(MethodVisitor method, int value) {
        if (value <= 5) {
            method.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            method.visitIntInsn(Opcodes.BIPUSH, value);
        } else {
            method.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }

    /**
     * Places a branch target with its frame: the locals are the arguments, as at the method's start, and the stack
     * holds them too. A compressed frame, as the class's own (the class is copied without expanding its frames).
     */
    private static void frame(MethodVisitor method, Label label, Object[] arguments) {
        method.visitLabel(label);
        if (arguments.length == 0) {
            method.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        } else if (arguments.length == 1) {
            method.visitFrame(Opcodes.F_SAME1, 0, null, 1, arguments);
        } else {
            method.visitFrame(Opcodes.F_FULL, arguments.length, arguments, arguments.length, arguments);
        }
    }

    /** Returns the verification types of the arguments, as ASM's frames name them. */
    private static Object[] frameTypes(Type[] arguments) {
        Object[] types = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            types[i] = switch (arguments[i].getSort()) {
                case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
                case Type.FLOAT -> Opcodes.FLOAT;
                case Type.LONG -> Opcodes.LONG;
                case Type.DOUBLE -> Opcodes.DOUBLE;
                default -> arguments[i].getInternalName();
            };
        }
        return types;
    }
}
