package dev.patchsite.runtime;

import dev.patchsite.runtime.GroupInfo.FunctionInfo;
import dev.patchsite.runtime.GroupInfo.VariantInfo;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One group's state at run time: its selection, made once and sealed at first bind, the call sites of its updatable
 * functions, the classes whose sites of it the agent patched, and how many sites were bound. Its monitor guards
 * selection and update.
 */
final class Group {

    final GroupInfo info;
    private final ClassLoader loader;
    private Selection selection;
    private Thread selecting;
    private String current;
    private MethodHandles.Lookup lookup;
    private Class<?> groupClass;
    private final Map<String, MutableCallSite> updatable = new LinkedHashMap<String, MutableCallSite>();
    /** The targets of the updatable functions' trampolines, with the variants each one's link knew. */
    private final List<BoundTarget> targets = new ArrayList<BoundTarget>();
    private final PatchedClasses patchedClasses = new PatchedClasses();
    final AtomicInteger patched = new AtomicInteger();
    final AtomicInteger boundSites = new AtomicInteger();
    final AtomicInteger boundTrampolines = new AtomicInteger();
    /**
     * While a verbose update patches classes again: by class, the methods holding the sites patched again
     * ({@link RunningActivations}); else null.
     */
    private Map<String, Set<String>> repatching;

    Group(GroupInfo info, ClassLoader loader) {
        this.info = info;
        this.loader = loader;
    }

    /** Returns the selection, making it now if the group is not bound yet. */
    synchronized Selection bind() {
        if (selection != null) {
            return selection;
        }
        if (selecting == Thread.currentThread()) {
            throw new IllegalStateException("patchsite: a probe of group " + info.name()
                    + " calls a function of the group while the group's variant is being selected");
        }
        selecting = Thread.currentThread();
        try {
            Selection made = Selector.select(info, loader, Groups.pendingSelection(loader, info.name()),
                    System.getProperty(Selector.PROPERTY_PREFIX + info.name()));
            selection = made;
            current = made.variant();
            if (Boolean.getBoolean("patchsite.verbose")) {
                System.err.println("patchsite: " + info.name() + " -> " + made.variant() + " (" + made.reason() + ")");
                Groups.reportAtExit();
            }
            return made;
        } finally {
            selecting = null;
        }
    }

    /** Returns the selection if the group is bound, else null. */
    synchronized Selection selectionIfBound() {
        return selection;
    }

    /**
     * Returns the call site for a trampoline or an {@code invokedynamic} site of one of the group's functions.
     *
     * @param access a lookup that can reach the group's default methods and its variants
     * @param group the group class
     * @param name the function's name
     * @param type the function's type
     */
    CallSite callSite(MethodHandles.Lookup access, Class<?> group, String name, MethodType type)
            throws ReflectiveOperationException {
        Selection chosen = bind();
        FunctionInfo function = info.function(name, type.toMethodDescriptorString());
        if (function == null) {
            throw new IllegalStateException("patchsite: " + name + type.toMethodDescriptorString()
                    + " is not a function of group " + info.name() + "; relink the program");
        }
        if (!function.updatable()) {
            return new ConstantCallSite(implementation(access, group, chosen.variant(), name, type));
        }
        synchronized (this) {
            if (lookup == null) {
                lookup = access;
                groupClass = group;
            }
            MutableCallSite site = updatable.get(name + type.toMethodDescriptorString());
            if (site == null) {
                site = new MutableCallSite(implementation(access, group, current, name, type));
                updatable.put(name + type.toMethodDescriptorString(), site);
            }
            return site;
        }
    }

    /**
     * Binds the group if need be, points an updatable function's trampoline target at the variant the group's
     * updatable functions run now, and keeps it so that each update points it again. One step under the monitor: an
     * update either sees the target or has set the variant this reads.
     *
     * @param target the target
     * @param known every variant of the group the target's link knew, separated by spaces
     * @param implementing those that implement the function, in the order of the trampoline's cases
     */
    synchronized void bindTarget(TrampolineTarget target, String known, String implementing) {
        bind();
        BoundTarget bound = new BoundTarget(target, known, implementing);
        bound.point(current);
        targets.add(bound);
        if (target.value != Trampolines.THROUGH_RUNTIME) {
            boundTrampolines.incrementAndGet();
        }
    }

    /**
     * Re-points every updatable function of the group at a variant's implementation: its trampolines' targets, its
     * call sites (trampolines and
     * {@code invokedynamic} sites), then the sites the agent patched, in every loaded class that holds them. Classes
     * loaded after the target changed get the new one from the agent. Updates are serialized, so that two of them
     * cannot leave a class with the older target.
     *
     * @throws IllegalStateException if the JVM did not patch a class again; its sites keep the old target
     */
    void update(String variant) throws ReflectiveOperationException {
        synchronized (Retransformer.UPDATES) {
            List<PatchedClasses.Entry> classes;
            String previous;
            synchronized (this) {
                previous = current;
                if (!retarget(variant)) {
                    return;
                }
                classes = patchedClasses.snapshot();
                if (RunningActivations.VERBOSE) {
                    repatching = new HashMap<String, Set<String>>();
                }
            }
            // Without the monitor: finding a class being loaded waits for it, and its loading thread's agent takes
            // the monitor to read the target.
            List<String> failed = Retransformer.repatch(PatchedClasses.resolve(classes));
            if (RunningActivations.VERBOSE) {
                Map<String, Set<String>> repatched;
                synchronized (this) {
                    repatched = repatching;
                    repatching = null;
                }
                RunningActivations.report(info.name(), previous, repatched);
            }
            if (!failed.isEmpty()) {
                throw new IllegalStateException("patchsite: updated " + info.name() + " to " + variant + ", but the JVM"
                        + " did not patch these classes again, whose sites keep the previous target: " + failed);
            }
        }
    }

    /** Sets the target and re-points the call sites; returns false if the group already runs the variant. */
    private synchronized boolean retarget(String variant) throws ReflectiveOperationException {
        if (!info.updatable()) {
            throw new IllegalStateException("patchsite: group " + info.name() + " cannot be updated: its functions "
                    + notUpdatable() + " are not @RuntimeStatic(updatable = true)");
        }
        Selector.explicit(info, variant, "PatchSite.update");
        if (selection == null) {
            selection = new Selection(variant, "selected by PatchSite.update", new ArrayList<String>());
        }
        if (variant.equals(current)) {
            return false;
        }
        current = variant;
        for (BoundTarget target : targets) {
            target.point(variant);
        }
        if (updatable.isEmpty()) {
            return true;
        }
        List<MutableCallSite> changed = new ArrayList<MutableCallSite>();
        for (Map.Entry<String, MutableCallSite> entry : updatable.entrySet()) {
            MutableCallSite site = entry.getValue();
            String key = entry.getKey();
            String name = key.substring(0, key.indexOf('('));
            site.setTarget(implementation(lookup, groupClass, variant, name, site.type()));
            changed.add(site);
        }
        MutableCallSite.syncAll(changed.toArray(new MutableCallSite[0]));
        return true;
    }

    /**
     * Returns the variant the agent patches a class's sites to, binding the group if need be, and records the class
     * so that an update patches it again. One step under the monitor: an update either sees the class or has set
     * the target this returns.
     *
     * @param loader the class's defining loader
     * @param className the class's internal name
     * @param type the class if it is being retransformed, null if it is being loaded
     */
    synchronized String patchTarget(ClassLoader loader, String className, Class<?> type) {
        bind();
        patchedClasses.add(loader, className, type);
        return current;
    }

    /**
     * Records, while a verbose update patches classes again, the methods of a class that hold its sites.
     *
     * @param className the class's internal name
     * @param methods the names of its methods holding the sites patched again
     */
    synchronized void repatched(String className, Set<String> methods) {
        if (repatching != null) {
            String name = className.replace('/', '.');
            Set<String> known = repatching.get(name);
            if (known == null) {
                repatching.put(name, methods);
            } else {
                known.addAll(methods);
            }
        }
    }

    /** Returns the variant the group's updatable functions point at now, or the selection. */
    synchronized String current() {
        return current;
    }

    private String notUpdatable() {
        StringBuilder names = new StringBuilder();
        for (FunctionInfo function : info.functions()) {
            if (!function.updatable()) {
                names.append(names.length() == 0 ? "" : ", ").append(function.name()).append(function.descriptor());
            }
        }
        return names.toString();
    }

    private MethodHandle implementation(MethodHandles.Lookup access, Class<?> group, String variant, String name,
            MethodType type) throws ReflectiveOperationException {
        VariantInfo chosen = info.variant(variant);
        if (chosen == null || !chosen.implementsFunction(name, type.toMethodDescriptorString())) {
            return defaultBody(access, group, name, type);
        }
        Class<?> variantClass = Class.forName(chosen.className(), false, loader);
        return access.findStatic(variantClass, name, type);
    }

    /**
     * Returns a function's default as the group class was loaded: the method its body moved to if the class was
     * linked, else the function itself. Asking the class, not a description, makes the default the original body
     * whichever artifacts were linked, and however (invariant 8).
     */
    static MethodHandle defaultBody(MethodHandles.Lookup access, Class<?> group, String name, MethodType type)
            throws ReflectiveOperationException {
        try {
            return access.findStatic(group, Bootstrap.DEFAULT_PREFIX + name, type);
        } catch (NoSuchMethodException e) {
            return access.findStatic(group, name, type);
        }
    }

    /** An updatable function's trampoline target, with the variants its link knew. */
    private static final class BoundTarget {
        private final TrampolineTarget target;
        private final String known;
        private final String implementing;

        BoundTarget(TrampolineTarget target, String known, String implementing) {
            this.target = target;
            this.known = known;
            this.implementing = implementing;
        }

        /** Points the trampoline at a variant; a variant its link did not know sends it through the runtime. */
        void point(String variant) {
            target.value = Trampolines.target(variant, known, implementing);
        }
    }

    /** Returns the group's line of {@link Groups#report()}. */
    String reportLine() {
        Selection made = selectionIfBound();
        StringBuilder line = new StringBuilder(info.name()).append(" -> ");
        if (made == null) {
            line.append("(not bound)");
        } else {
            String now = current();
            line.append(now);
            if (!now.equals(made.variant())) {
                line.append(" (updated; selected ").append(made.variant()).append(')');
            }
            line.append(" (").append(made.reason()).append(')');
        }
        return line.append("; sites patched: ").append(patched.get())
                .append(", sites bound: ").append(boundSites.get())
                .append(", trampolines bound: ").append(boundTrampolines.get()).toString();
    }
}
