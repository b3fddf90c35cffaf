package dev.patchsite.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every group the program has touched, and the selections made before a group was bound. A group is a class, not a
 * name (invariant 9): two class loaders that each define a copy of a group class hold two groups, each with its own
 * description, variants and selection. A group is known by its defining loader and binary name, so that the agent
 * can bind a group before its class is initialized. A JDK class as group (a declared function of the boot loader)
 * is one group per program loader that calls it: its variants live in the program.
 */
final class Groups {

    private static final Map<Key, Group> GROUPS = new ConcurrentHashMap<Key, Group>();
    private static final Map<String, String> PENDING_BY_NAME = new ConcurrentHashMap<String, String>();
    private static final Map<Key, String> PENDING_BY_GROUP = new ConcurrentHashMap<Key, String>();
    /** The group each loader's classes mean by a name: the agent's answers of {@link #forCaller}. */
    private static final Map<Key, Group> CALLED = new ConcurrentHashMap<Key, Group>();
    private static boolean reportHook;

    private Groups() {
    }

    /**
     * Returns the loader a group class belongs to: its defining loader, or for a class of the boot loader, the
     * program loader that binds it.
     *
     * @param group the group class
     * @param program the loader of the class that binds it
     */
    static ClassLoader owner(Class<?> group, ClassLoader program) {
        return group.getClassLoader() != null ? group.getClassLoader() : program;
    }

    /**
     * Returns a group's state, creating it from every description of the group its loader sees.
     *
     * @param name the group's binary name
     * @param loader the group's loader (see {@link #owner})
     * @throws IllegalStateException if the loader sees no description of the group
     */
    static Group get(String name, ClassLoader loader) {
        Key key = new Key(loader, name);
        Group group = GROUPS.get(key);
        if (group != null) {
            return group;
        }
        SelectProperties.checkOnce(loader);
        List<String> conflicts = new ArrayList<String>();
        GroupInfo info = GroupInfo.loadAll(name, loader, conflicts);
        if (info == null) {
            throw new IllegalStateException("patchsite: " + GroupInfo.resourceName(name) + " not found; "
                    + name + " is not a group of a linked program");
        }
        Group created = new Group(info, loader);
        Group raced = ((ConcurrentHashMap<Key, Group>) GROUPS).putIfAbsent(key, created);
        if (raced != null) {
            return raced;
        }
        for (String conflict : conflicts) {
            System.err.println("patchsite: " + conflict);
        }
        return created;
    }

    /**
     * Returns the group a class being loaded calls, before that class exists: the group of the class's own loader
     * if the class is the group, else of the loader that defines the group class as the class's loader finds it
     * (loaded, not initialized). Each loader's answer for a name is kept, so that the agent asks a loader once.
     *
     * @param name the group's binary name
     * @param caller the defining loader of the class being loaded
     * @param className the internal name of the class being loaded
     * @throws IllegalStateException if the group class cannot be found
     */
    static Group forCaller(String name, ClassLoader caller, String className) {
        Key key = new Key(caller, name);
        Group known = CALLED.get(key);
        if (known != null) {
            return known;
        }
        ClassLoader loader = caller;
        if (!name.replace('.', '/').equals(className)) {
            try {
                loader = owner(Class.forName(name, false, caller), caller);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("group class " + name + " not found", e);
            }
        }
        Group group = get(name, loader);
        CALLED.put(key, group);
        return group;
    }

    /** Returns the state of a group class, creating it. */
    static Group get(Class<?> group, ClassLoader program) {
        return get(group.getName(), owner(group, program));
    }

    /** Returns the group if the program has touched it, else null. */
    static Group peek(Class<?> group) {
        return GROUPS.get(new Key(owner(group, Thread.currentThread().getContextClassLoader()), group.getName()));
    }

    /**
     * Records a programmatic selection for one group class, not bound yet.
     *
     * @throws IllegalArgumentException if the group has no such variant
     * @throws IllegalStateException if the group is already bound
     */
    static void select(Class<?> group, String variant) {
        ClassLoader loader = owner(group, Thread.currentThread().getContextClassLoader());
        Key key = new Key(loader, group.getName());
        check(GROUPS.get(key), group.getName(), loader, variant);
        PENDING_BY_GROUP.put(key, variant);
    }

    /**
     * Records a programmatic selection for every group of a name (in every loader), not bound yet.
     *
     * @throws IllegalArgumentException if the group has no such variant
     * @throws IllegalStateException if a group of that name is already bound
     */
    static void select(String name, ClassLoader loader, String variant) {
        Group bound = null;
        for (Map.Entry<Key, Group> entry : GROUPS.entrySet()) {
            if (entry.getKey().name.equals(name) && entry.getValue().selectionIfBound() != null) {
                bound = entry.getValue();
            }
        }
        check(bound, name, loader, variant);
        PENDING_BY_NAME.put(name, variant);
    }

    private static void check(Group group, String name, ClassLoader loader, String variant) {
        GroupInfo info = group != null ? group.info : GroupInfo.loadAll(name, loader, new ArrayList<String>());
        if (info != null) {
            Selector.explicit(info, variant, "PatchSite.select");
        }
        Selection bound = group == null ? null : group.selectionIfBound();
        if (bound != null) {
            throw new IllegalStateException("patchsite: group " + name + " is already bound to " + bound.variant()
                    + " (" + bound.reason() + "); select a variant before the group's first call");
        }
    }

    /** Returns the programmatic selection for a group, or null: one made for its class, else for its name. */
    static String pendingSelection(ClassLoader loader, String name) {
        String variant = PENDING_BY_GROUP.get(new Key(loader, name));
        return variant != null ? variant : PENDING_BY_NAME.get(name);
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
                Set<String> bound = new HashSet<String>();
                for (Key key : GROUPS.keySet()) {
                    bound.add(key.name);
                }
                for (String line : report()) {
                    System.err.println("patchsite report: " + line);
                }
                for (String group : SelectProperties.unused(bound)) {
                    System.err.println("patchsite report: -D" + Selector.PROPERTY_PREFIX + group
                            + " selected no group this run bound");
                }
            }
        });
    }

    /**
     * Returns one line per group, sorted by name; a group whose name more than one loader holds is followed by its
     * loader.
     */
    static List<String> report() {
        List<Map.Entry<Key, Group>> groups = new ArrayList<Map.Entry<Key, Group>>(GROUPS.entrySet());
        Map<String, Integer> loadersPerName = new HashMap<String, Integer>();
        for (Map.Entry<Key, Group> entry : groups) {
            Integer count = loadersPerName.get(entry.getKey().name);
            loadersPerName.put(entry.getKey().name, count == null ? 1 : count + 1);
        }
        Collections.sort(groups, new Comparator<Map.Entry<Key, Group>>() {
            @Override
            public int compare(Map.Entry<Key, Group> a, Map.Entry<Key, Group> b) {
                int byName = a.getKey().name.compareTo(b.getKey().name);
                return byName != 0 ? byName : a.getKey().loaderName().compareTo(b.getKey().loaderName());
            }
        });
        List<String> lines = new ArrayList<String>();
        for (Map.Entry<Key, Group> entry : groups) {
            String line = entry.getValue().reportLine();
            if (loadersPerName.get(entry.getKey().name) > 1) {
                line = line.replaceFirst(" -> ", " [" + entry.getKey().loaderName() + "] -> ");
            }
            lines.add(line);
        }
        return lines;
    }

    /** A group's identity: its loader and binary name. */
    private static final class Key {
        final ClassLoader loader;
        final String name;

        Key(ClassLoader loader, String name) {
            this.loader = loader;
            this.name = name;
        }

        /** Returns the loader's name where it has one (Java 9 and later), else its class and identity. */
        String loaderName() {
            if (loader == null) {
                return "bootstrap";
            }
            try {
                Object name = ClassLoader.class.getMethod("getName").invoke(loader);
                if (name != null) {
                    return name.toString();
                }
            } catch (ReflectiveOperationException e) {
                // Java 8: loaders have no name.
            }
            return loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && ((Key) other).loader == loader && ((Key) other).name.equals(name);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(loader) * 31 + name.hashCode();
        }
    }
}
