package dev.patchsite.linker.internal.declarations;

import dev.patchsite.linker.internal.declarations.ClassInfo.MethodInfo;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Checks that a {@code when} class can be used as a probe: a public, concrete class that implements
 * {@code java.util.function.BooleanSupplier} and has a public no-argument constructor, so the runtime can create it
 * from any package.
 */
final class ProbeCheck {

    private static final String BOOLEAN_SUPPLIER = "java/util/function/BooleanSupplier";

    private final ClassLookup lookup;
    private final Map<String, String> results = new HashMap<>();

    ProbeCheck(ClassLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * Returns what is wrong with a probe, as the end of a sentence that starts with the probe's name, or null if
     * nothing is.
     */
    String check(String probe) {
        if (results.containsKey(probe)) {
            return results.get(probe);
        }
        String problem = problem(probe);
        results.put(probe, problem);
        return problem;
    }

    private String problem(String probe) {
        if (probe.equals(DeclarationReader.NEVER) || probe.equals(DeclarationReader.ALWAYS)) {
            return null;
        }
        ClassInfo info = lookup.find(probe);
        if (info == null) {
            return "is not in the inputs; add the jar that holds it to the inputs";
        }
        if ((info.access() & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT)) != 0) {
            return "is abstract; a probe must be a concrete class";
        }
        if (!info.isPublic()) {
            return "is not public; make it public so the runtime can create it";
        }
        String hierarchy = implementsBooleanSupplier(info);
        if (hierarchy != null) {
            return hierarchy;
        }
        MethodInfo constructor = info.method("<init>", "()V");
        if (constructor == null || (constructor.access() & Opcodes.ACC_PUBLIC) == 0) {
            return "has no public no-argument constructor; add one";
        }
        return null;
    }

    /** Returns null if the class implements BooleanSupplier, else the problem. */
    private String implementsBooleanSupplier(ClassInfo probe) {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.add(probe.name());
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (name.equals(BOOLEAN_SUPPLIER)) {
                return null;
            }
            if (!seen.add(name)) {
                continue;
            }
            ClassInfo info = name.equals(probe.name()) ? probe : lookup.find(name);
            if (info == null) {
                return "extends or implements " + name.replace('/', '.') + ", which is not in the inputs; add the"
                        + " jar that holds it to the inputs";
            }
            pending.addAll(info.interfaces());
            if (info.superName() != null) {
                pending.add(info.superName());
            }
        }
        return "does not implement java.util.function.BooleanSupplier; implement it";
    }
}
