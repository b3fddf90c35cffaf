package dev.patchsite.runtime;

import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Every group the program has touched, by binary name, and the selections made before a group was bound. */
final class Groups {

    private static final Map<String, Group> GROUPS = new ConcurrentHashMap<String, Group>();
    private static final Map<String, String> PENDING = new ConcurrentHashMap<String, String>();
    private static boolean reportHook;

    private Groups() {
    }

    /**
     * Returns a group's state, creating it from the group's resource.
     *
     * @throws IllegalStateException if no loader has the group's resource
     */
    static Group get(String name, ClassLoader loader) {
        return get(name, loader, null);
    }

    /**
     * Returns a group's state, creating it from the group's resource, looked for first in the jar a class being
     * patched comes from (where the linker put it): reading it there directly takes well under a millisecond, where
     * a class loader's resource lookup makes and opens a {@code jar:} URL and costs several at the first bind.
     *
     * @param domain the protection domain of the class being patched, or null
     * @throws IllegalStateException if no loader has the group's resource
     */
    static Group get(String name, ClassLoader loader, ProtectionDomain domain) {
        Group group = GROUPS.get(name);
        if (group != null) {
            return group;
        }
        GroupInfo info = GroupInfo.loadFromJar(name, domain);
        if (info == null) {
            info = GroupInfo.load(name, loader);
        }
        if (info == null) {
            throw new IllegalStateException("patchsite: " + GroupInfo.resourceName(name) + " not found; "
                    + name + " is not a group of a linked program");
        }
        Group created = new Group(info, loader);
        Group raced = ((ConcurrentHashMap<String, Group>) GROUPS).putIfAbsent(name, created);
        return raced != null ? raced : created;
    }

    /** Returns the group if the program has touched it, else null. */
    static Group peek(String name) {
        return GROUPS.get(name);
    }

    /** Records a programmatic selection for a group not bound yet. */
    static void select(String name, ClassLoader loader, String variant) {
        Group group = GROUPS.get(name);
        GroupInfo info = group != null ? group.info : GroupInfo.load(name, loader);
        if (info != null) {
            Selector.explicit(info, variant, "PatchSite.select");
        }
        if (group != null) {
            Selection bound = group.selectionIfBound();
            if (bound != null) {
                throw new IllegalStateException("patchsite: group " + name + " is already bound to " + bound.variant()
                        + " (" + bound.reason() + "); select a variant before the group's first call");
            }
        }
        PENDING.put(name, variant);
    }

    /** Returns the programmatic selection for a group, or null. */
    static String pendingSelection(String name) {
        return PENDING.get(name);
    }

    /** With {@code -Dpatchsite.verbose=true}: prints the report on standard error when the program exits. */
    static synchronized void reportAtExit() {
        if (reportHook) {
            return;
        }
        reportHook = true;
        Runtime.getRuntime().addShutdownHook(new Thread("patchsite-report") {
            @Override
            public void run() {
                for (String line : report()) {
                    System.err.println("patchsite report: " + line);
                }
            }
        });
    }

    /** Returns one line per group, sorted by name. */
    static List<String> report() {
        List<String> lines = new ArrayList<String>();
        for (Group group : new TreeMap<String, Group>(GROUPS).values()) {
            Selection selection = group.selectionIfBound();
            StringBuilder line = new StringBuilder(group.info.name()).append(" -> ");
            if (selection == null) {
                line.append("(not bound)");
            } else {
                String current = group.current();
                line.append(current);
                if (!current.equals(selection.variant())) {
                    line.append(" (updated; selected ").append(selection.variant()).append(')');
                }
                line.append(" (").append(selection.reason()).append(')');
            }
            line.append("; sites patched: ").append(group.patched.get())
                    .append(", sites bound: ").append(group.boundSites.get())
                    .append(", trampolines bound: ").append(group.boundTrampolines.get());
            lines.add(line.toString());
        }
        return lines;
    }
}
