package dev.patchsite.runtime;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Patches the sites of loaded classes again when an updatable group is updated, as {@code static_call_update}
 * rewrites every site: it retransforms the classes, and the agent's retransforming {@link SitePatcher} applies the
 * group's new target to each class's original bytes. Retransforming changes no class's shape, only operands and the
 * three bytes of patched-out calls.
 *
 * <p>The JVM swaps the classes' methods at a safepoint, so a call racing with an update runs the old target or the
 * new one. A method activation already running keeps the bytecode it started with until it returns (JVM TI
 * {@code RetransformClasses}: "if a retransformed method has active stack frames, those active frames continue to run
 * the bytecodes of the original method"); every activation that starts after the update runs the new target.
 */
final class Retransformer {

    /** Serializes updates: two retransformations of one class must not commit in the other order than they read. */
    static final Object UPDATES = new Object();

    private static volatile Instrumentation instrumentation;

    private Retransformer() {
    }

    /** Called by the agent once its retransforming transformer is installed. */
    static void install(Instrumentation installed) {
        instrumentation = installed;
    }

    /**
     * Patches the sites of classes again, in one retransformation (the JVM adjusts every loaded class once per
     * call, so one call for many classes is much cheaper than one per class).
     *
     * @param classes the classes to patch again
     * @return the classes the JVM did not retransform, each with why; empty if all were
     */
    static List<String> repatch(List<Class<?>> classes) {
        Instrumentation current = instrumentation;
        List<String> failed = new ArrayList<String>();
        if (current == null || classes.isEmpty()) {
            return failed;
        }
        try {
            current.retransformClasses(classes.toArray(new Class<?>[0]));
            return failed;
        } catch (Exception | LinkageError all) {
            // Nothing was retransformed: find which class the JVM refuses, and patch the others.
        }
        for (Class<?> type : classes) {
            try {
                current.retransformClasses(type);
            } catch (Exception | LinkageError e) {
                failed.add(type.getName() + " (" + e + ")");
            }
        }
        return failed;
    }
}
