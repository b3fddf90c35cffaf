package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the calls of one method as its plans say: a call becomes an {@code invokedynamic} ({@code indy} mode) or
 * names another method (a super-call's default body, a static selection, a generated trampoline). Sites are matched
 * to plans by function and ordinal, counted exactly as the scanner counts them: every {@code invokestatic} of a
 * function and every function handle in an {@code invokedynamic} or {@code ldc}, in bytecode order, whether it names
 * the group or a subclass that inherits the function.
 */
final class SiteRewriter extends MethodVisitor {

    private static final int MAX_CONSTANT_DEPTH = 8;

    private final Map<MethodRef, Function> functions;
    private final Map<String, SitePlan> plans;
    private final Program program;
    private final Map<String, Integer> ordinals = new HashMap<>();

    /**
     * Creates the rewriter.
     *
     * @param next the visitor to pass the method on to
     * @param functions every function of the program, by the methods its calls name: its own, and those of the
     *     subclasses that inherit it
     * @param plans the plans of this method's sites, by {@link #key}
     * @param program the program, for interface owners
     */
    SiteRewriter(MethodVisitor next, Map<MethodRef, Function> functions, Map<String, SitePlan> plans,
            Program program) {
        super(Opcodes.ASM9, next);
        this.functions = functions;
        this.plans = plans;
        this.program = program;
    }

    /** Returns the key of a site among its method's sites. */
    static String key(String functionId, int ordinal) {
        return ordinal + "#" + functionId;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        Function function = opcode == Opcodes.INVOKESTATIC ? functions.get(new MethodRef(owner, name, descriptor))
                : null;
        SitePlan plan = function == null ? null : plans.get(key(function.id(), next(function)));
        if (plan == null) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        } else if (plan.becomesIndy()) {
            super.visitInvokeDynamicInsn(name, descriptor,
                    plan.site().binding().kind() == Binding.Kind.INDY ? Names.SITE : Names.DEFAULT_BODY,
                    new Handle(Opcodes.H_INVOKESTATIC, owner, name, descriptor, isInterface));
        } else if (plan.call() != null) {
            MethodRef call = plan.call();
            super.visitMethodInsn(opcode, call.owner(), call.name(), call.descriptor(),
                    program.isInterfaceOwner(call.owner()));
        } else {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        count(bootstrap, 0);
        for (Object argument : arguments) {
            count(argument, 0);
        }
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitLdcInsn(Object value) {
        count(value, 0);
        super.visitLdcInsn(value);
    }

    /** Counts the function handles reachable from a constant, as the scanner does. */
    private void count(Object constant, int depth) {
        if (constant instanceof Handle handle) {
            Function function = handle.getTag() == Opcodes.H_INVOKESTATIC
                    ? functions.get(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc())) : null;
            if (function != null) {
                next(function);
            }
        } else if (constant instanceof ConstantDynamic dynamic && depth < MAX_CONSTANT_DEPTH) {
            count(dynamic.getBootstrapMethod(), depth + 1);
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                count(dynamic.getBootstrapMethodArgument(i), depth + 1);
            }
        }
    }

    private int next(Function function) {
        return ordinals.merge(function.id(), 1, Integer::sum) - 1;
    }
}
