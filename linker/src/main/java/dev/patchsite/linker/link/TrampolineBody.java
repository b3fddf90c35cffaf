package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.Trampolines;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the body of a trampoline, which forwards a function's arguments to its selection and returns its result.
 * In {@code static} mode it calls the implementation chosen at link time. Every other trampoline switches on its
 * field in the group's {@link TrampolineHolder}, whose first read binds the group:
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
 *
 * <p>An updatable function's constant is the volatile value of its {@code TrampolineTarget}, which an update changes:
 * the trampoline reads it once, into a local after the arguments, and tests that local, so that a call racing with an
 * update goes to the old or the new target and never to a third (six bytes more; the frames hold the local too).
 * The JIT reads the volatile field at each call but does not fold it: a tracepoint without the agent costs a load and
 * a compare, and no {@code java.lang.invoke} at all.
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
        int locals = slots;
        if (program.mode() == LinkMode.STATIC) {
            call(method, program, program.implementation(program.staticSelection(function.group()), function));
        } else {
            switchOnConstant(method, program, function, arguments, returnType, slots);
            tests = 2;
            locals += function.updatable() ? 1 : 0;
        }
        method.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
        method.visitMaxs(Math.max(slots + tests, returnType.getSize()), locals);
        method.visitEnd();
    }

    /**
     * Writes the tests of the holder's constant and their calls, but the last call's return. An updatable function's
     * constant is read once, into the local {@code slot}.
     */
    private static void switchOnConstant(MethodVisitor method, Program program, Function function, Type[] arguments,
            Type returnType, int slot) {
        String holder = TrampolineHolder.className(program, function.group());
        String field = TrampolineHolder.field(program, function);
        boolean updatable = function.updatable();
        Object[] stack = frameTypes(arguments);
        Object[] locals = stack;
        if (updatable) {
            method.visitFieldInsn(Opcodes.GETSTATIC, holder, field, TrampolineHolder.fieldDescriptor(function));
            method.visitFieldInsn(Opcodes.GETFIELD, TrampolineHolder.TARGET, "value", "I");
            method.visitVarInsn(Opcodes.ISTORE, slot);
            locals = Arrays.copyOf(stack, stack.length + 1);
            locals[stack.length] = Opcodes.INTEGER;
        }
        List<Variant> variants = TrampolineHolder.implementing(program, function);
        for (int i = 0; i < variants.size(); i++) {
            Label next = new Label();
            loadConstant(method, holder, field, updatable, slot);
            push(method, Trampolines.FIRST_VARIANT + i);
            method.visitJumpInsn(Opcodes.IF_ICMPNE, next);
            call(method, program, program.implementation(variants.get(i), function));
            method.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
            frame(method, next, locals, stack, updatable);
        }
        Label runtime = new Label();
        loadConstant(method, holder, field, updatable, slot);
        method.visitJumpInsn(Opcodes.IFEQ, runtime);
        call(method, program, program.defaultBody(function));
        method.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
        frame(method, runtime, locals, stack, updatable);
        method.visitInvokeDynamicInsn(function.method().name(), function.method().descriptor(), Names.TRAMPOLINE);
    }

    /** Pushes the trampoline's constant: the holder's {@code static final int}, or the local it was read into. */
    private static void loadConstant(MethodVisitor method, String holder, String field, boolean updatable, int slot) {
        if (updatable) {
            method.visitVarInsn(Opcodes.ILOAD, slot);
        } else {
            method.visitFieldInsn(Opcodes.GETSTATIC, holder, field, "I");
        }
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
     * Places a branch target with its frame: the locals are the arguments (and the updatable function's constant,
     * after them), and the stack holds the arguments. A compressed frame, as the class's own (the class is copied
     * without expanding its frames): without the extra local the same locals as at the method's start.
     */
    private static void frame(MethodVisitor method, Label label, Object[] locals, Object[] stack, boolean extraLocal) {
        method.visitLabel(label);
        if (extraLocal || stack.length > 1) {
            method.visitFrame(Opcodes.F_FULL, locals.length, locals, stack.length, stack);
        } else if (stack.length == 0) {
            method.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        } else {
            method.visitFrame(Opcodes.F_SAME1, 0, null, 1, stack);
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
