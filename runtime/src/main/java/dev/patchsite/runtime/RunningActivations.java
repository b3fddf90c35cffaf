package dev.patchsite.runtime;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * With {@code -Dpatchsite.verbose=true}, says which method activations an update could not reach: a method already
 * running when {@code PatchSite.update} retransforms its class keeps the code it started with until it returns (JVM
 * TI {@code RetransformClasses}), so a thread looping inside the method that holds a site goes on with the old
 * target. After an update's retransformation, every thread's stack is looked at, and each method that holds a site
 * patched again and is running in some thread gets one line on standard error. Without the property nothing of this
 * runs: the agent does not look for the methods, and the update does not look at the stacks.
 */
final class RunningActivations {

    /** Whether {@code -Dpatchsite.verbose=true} was given when the runtime started. */
    static final boolean VERBOSE = Boolean.getBoolean("patchsite.verbose");

    private RunningActivations() {
    }

    /**
     * Prints one line per thread and running method that holds a site an update patched again.
     *
     * @param group the group's name
     * @param previous the variant the group's sites pointed at before the update
     * @param methods by the binary name of each class patched again, the names of its methods holding the sites
     */
    static void report(String group, String previous, Map<String, Set<String>> methods) {
        if (methods.isEmpty()) {
            return;
        }
        Set<String> lines = new TreeSet<String>();
        for (Map.Entry<Thread, StackTraceElement[]> stack : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : stack.getValue()) {
                Set<String> holding = methods.get(frame.getClassName());
                if (holding != null && holding.contains(frame.getMethodName())) {
                    lines.add("patchsite: thread \"" + stack.getKey().getName() + "\" is running "
                            + frame.getClassName() + "." + frame.getMethodName() + ", which keeps the old target of "
                            + group + " (" + previous + ") until it returns: a method activation already running"
                            + " when an update retransforms its class keeps its code");
                }
            }
        }
        for (String line : lines) {
            System.err.println(line);
        }
    }
}
