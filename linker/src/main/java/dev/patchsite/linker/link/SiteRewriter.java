package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.classfile.ConstantPool;
import dev.patchsite.linker.internal.classfile.PatchOut;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the calls of one method as its plans say: a call becomes an {@code invokedynamic} ({@code indy} mode),
 * names another method (a super-call's default body, a static selection, a generated trampoline) or is patched out
 * (a static selection that does nothing: the pops of its arguments), and a function
 * handle names the generated trampoline of a group the link does not rewrite. Sites are matched
 * to plans by function and ordinal, counted exactly as the scanner counts them: every {@code invokestatic} of a
 * function and every function handle in an {@code invokedynamic} or {@code ldc}, in bytecode order, whether it names
 * the group or a subclass that inherits the function.
 */
final class SiteRewriter extends MethodVisitor {

    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private final Map<MethodRef, Function> functions;
    private final Map<String, SitePlan> plans;
    private final Program program;
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final PatchedOutAttribute.Recorder patchedOut;

    /**
     * Creates the rewriter.
     *
     * @param next the visitor to pass the method on to
     * @param functions every function of the program, by the methods its calls name: its own, and those of the
     *     subclasses that inherit it
     * @param plans the plans of this method's sites, by {@link #key}
     * @param program the program, for interface owners
     * @param patchedOut where to record the calls patched out, or null if no plan patches one out
     */
    SiteRewriter(MethodVisitor next, Map<MethodRef, Function> functions, Map<String, SitePlan> plans,
            Program program, PatchedOutAttribute.Recorder patchedOut) {
        super(Opcodes.ASM9, next);
        this.functions = functions;
        this.plans = plans;
        this.program = program;
        this.patchedOut = patchedOut;
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
        } else if (plan.patchesOut()) {
            // Three one-byte instructions in the call's three bytes: every later offset, and so every stack map
            // frame, stays where it was.
            Label at = new Label();
            super.visitLabel(at);
            int out = PatchOut.instruction(descriptor);
            for (int shift = 8 * (PatchOut.LENGTH - 1); shift >= 0; shift -= 8) {
                super.visitInsn(out >>> shift & 0xff);
            }
            patchedOut.patchedOut(at, owner, name, descriptor, isInterface);
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
        // A serializable lambda's implementation is looked up again by name when it is deserialized: it keeps its
        // handle, which still reaches the function (through its trampoline wherever the group is linked).
        boolean keep = bootstrap.getOwner().equals(LAMBDA_METAFACTORY) && bootstrap.getName().equals("altMetafactory");
        Map<ConstantDynamic, Object> expanded = new IdentityHashMap<>();
        Handle mappedBootstrap = (Handle) map(bootstrap, 0, keep, expanded);
        Object[] mapped = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            mapped[i] = map(arguments[i], 0, keep, expanded);
        }
        super.visitInvokeDynamicInsn(name, descriptor, mappedBootstrap, mapped);
    }

    @Override
    public void visitLdcInsn(Object value) {
        super.visitLdcInsn(map(value, 0, false, new IdentityHashMap<>()));
    }

    /**
     * Counts the function handles reachable from a constant, as the scanner does, and returns the constant with
     * each handle whose plan names another method (a generated trampoline) naming that method instead. Like the
     * scanner, it follows each dynamic constant once per top-level constant (ASM reads one pool entry as one
     * {@code ConstantDynamic} object, so identity is the pool index): {@code expanded} holds those followed, each
     * with what it became.
     */
    private Object map(Object constant, int depth, boolean keep, Map<ConstantDynamic, Object> expanded) {
        if (constant instanceof Handle handle) {
            Function function = handle.getTag() == Opcodes.H_INVOKESTATIC
                    ? functions.get(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc())) : null;
            SitePlan plan = function == null ? null : plans.get(key(function.id(), next(function)));
            if (plan == null || plan.call() == null || keep) {
                return constant;
            }
            MethodRef call = plan.call();
            return new Handle(handle.getTag(), call.owner(), call.name(), call.descriptor(),
                    program.isInterfaceOwner(call.owner()));
        }
        if (constant instanceof ConstantDynamic dynamic && depth < ConstantPool.MAX_CONSTANT_DEPTH) {
            Object done = expanded.get(dynamic);
            if (done != null) {
                return done;
            }
            // Marked before its arguments are followed, as the scanner does, so a constant among its own arguments
            // is not followed again.
            expanded.put(dynamic, dynamic);
            Handle bootstrap = (Handle) map(dynamic.getBootstrapMethod(), depth + 1, keep, expanded);
            boolean changed = bootstrap != dynamic.getBootstrapMethod();
            Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = map(dynamic.getBootstrapMethodArgument(i), depth + 1, keep, expanded);
                changed |= arguments[i] != dynamic.getBootstrapMethodArgument(i);
            }
            Object result = changed ? new ConstantDynamic(dynamic.getName(), dynamic.getDescriptor(), bootstrap,
                    arguments) : constant;
            expanded.put(dynamic, result);
            return result;
        }
        return constant;
    }

    private int next(Function function) {
        return ordinals.merge(function.id(), 1, Integer::sum) - 1;
    }
}
