package dev.patchsite.linker.link;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.TrampolineTarget;
import dev.patchsite.runtime.Trampolines;
import java.util.List;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The class that holds a group's trampoline constants in {@code boot} and {@code indy} mode: one {@code static final
 * int} per function that is not updatable, set by its static initializer from {@link Trampolines#target}, and one
 * {@code static final} {@link TrampolineTarget} per updatable function, which {@link Trampolines#bind} sets and each
 * update changes. Its initialization is the group's binding: the JVM runs it once, at a trampoline's first call, under
 * its initialization lock. A group this link rewrites gets a holder of its own, {@code GROUP$patchsite}, in the
 * group's package (so in the group's module and class loader, and package-private); the generated trampoline class of
 * a group the link does not rewrite is its own holder.
 */
final class TrampolineHolder {

    /** What the name of a rewritten group's holder adds to the group's. */
    static final String SUFFIX = "$patchsite";
    private static final String TARGET_DESCRIPTOR = Type.getMethodDescriptor(Type.INT_TYPE, Type.getType(Class.class),
            Type.getType(Class.class), Type.getType(String.class), Type.getType(String.class));
    private static final String BIND_DESCRIPTOR = Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(Class.class),
            Type.getType(Class.class), Type.getType(TrampolineTarget.class), Type.getType(String.class),
            Type.getType(String.class));
    private static final String TRAMPOLINES = Type.getInternalName(Trampolines.class);
    /** The internal name of an updatable function's target. */
    static final String TARGET = Type.getInternalName(TrampolineTarget.class);

    private TrampolineHolder() {
    }

    /**
     * Returns whether a function's trampoline switches on a field of the group's holder: a constant, or an updatable
     * function's target.
     */
    static boolean switches(Program program, Function function) {
        return program.mode() != LinkMode.STATIC;
    }

    /** Returns whether a group has a holder: a function whose trampoline switches on a constant. */
    static boolean needed(Program program, String group) {
        return program.functions(group).stream().anyMatch(function -> switches(program, function));
    }

    /** Returns the internal name of the class holding a group's trampoline constants. */
    static String className(Program program, String group) {
        return program.rewritten(group) ? group + SUFFIX : Program.generatedTrampolineClass(group);
    }

    /** Returns the name of a function's constant: its name and its place among its group's functions. */
    static String field(Program program, Function function) {
        return function.method().name() + "$" + program.functions(function.group()).indexOf(function);
    }

    /** Returns the variants whose method of a function the trampoline calls, in the order of its cases. */
    static List<Variant> implementing(Program program, Function function) {
        return program.variants(function.group()).stream().filter(v -> v.implementsFunction(function.id())).toList();
    }

    /**
     * Refuses a link that would add a group's holder to a jar that has a class of that name already (the program's
     * own, a nested class named {@code patchsite}): the trampolines would read a constant it does not have.
     *
     * @param program the program
     * @param jars the jars this link rewrites
     * @throws LinkException naming the jar and the class
     */
    static void checkNames(Program program, List<JarLinker> jars) throws LinkException {
        List<String> groups = program.table().functions().stream().map(Function::group).distinct().toList();
        for (JarLinker jar : jars) {
            for (String group : groups) {
                String holder = className(program, group);
                if (program.rewritten(group) && needed(program, group) && jar.contains(group + ".class")
                        && jar.contains(holder + ".class")) {
                    throw new LinkException(jar.input() + ": it has a class " + holder.replace('/', '.') + ", the"
                            + " name patchsite gives the holder of group " + group.replace('/', '.') + "'s trampolines"
                            + "; rename that class");
                }
            }
        }
    }

    /**
     * Returns the class file of a rewritten group's holder: Java 8 (version 52), final, synthetic, package-private.
     *
     * @param program the program
     * @param group the internal name of the group
     */
    static byte[] write(Program program, String group) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                className(program, group), null, "java/lang/Object", null);
        addConstants(writer, program, group);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Returns the descriptor of a function's field in the holder: an int, or an updatable function's target. */
    static String fieldDescriptor(Function function) {
        return function.updatable() ? "L" + TARGET + ";" : "I";
    }

    /**
     * Adds a group's trampoline constants and the static initializer that sets them to a class being written: the
     * group's holder, or its generated trampoline class. The initializer first creates every updatable function's
     * target, then binds (a probe that calls its own group meanwhile finds every field at "through the runtime"). It
     * has no branch, so it needs no stack map.
     *
     * @param writer the class being written, named {@link #className}, without a static initializer of its own
     * @param program the program
     * @param group the internal name of the group
     */
    static void addConstants(ClassVisitor writer, Program program, String group) {
        String holder = className(program, group);
        String known = program.variants(group).stream().map(Variant::name).collect(Collectors.joining(" "));
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        init.visitCode();
        List<Function> functions = program.functions(group).stream().filter(f -> switches(program, f)).toList();
        for (Function function : functions) {
            String field = field(program, function);
            writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, field,
                    fieldDescriptor(function), null, null).visitEnd();
            if (function.updatable()) {
                init.visitTypeInsn(Opcodes.NEW, TARGET);
                init.visitInsn(Opcodes.DUP);
                init.visitMethodInsn(Opcodes.INVOKESPECIAL, TARGET, "<init>", "()V", false);
                init.visitFieldInsn(Opcodes.PUTSTATIC, holder, field, fieldDescriptor(function));
            }
        }
        for (Function function : functions) {
            String field = field(program, function);
            init.visitLdcInsn(Type.getObjectType(group));
            init.visitLdcInsn(Type.getObjectType(holder));
            if (function.updatable()) {
                init.visitFieldInsn(Opcodes.GETSTATIC, holder, field, fieldDescriptor(function));
            }
            init.visitLdcInsn(known);
            init.visitLdcInsn(implementing(program, function).stream().map(Variant::name)
                    .collect(Collectors.joining(" ")));
            if (function.updatable()) {
                init.visitMethodInsn(Opcodes.INVOKESTATIC, TRAMPOLINES, "bind", BIND_DESCRIPTOR, false);
            } else {
                init.visitMethodInsn(Opcodes.INVOKESTATIC, TRAMPOLINES, "target", TARGET_DESCRIPTOR, false);
                init.visitFieldInsn(Opcodes.PUTSTATIC, holder, field, "I");
            }
        }
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(5, 0);
        init.visitEnd();
    }
}
