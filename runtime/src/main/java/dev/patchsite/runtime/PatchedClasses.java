package dev.patchsite.runtime;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The classes in which the agent patched sites of one updatable group, so that an update can patch them again. The
 * agent sees a class's bytes before the class exists, so a class is first known by its loader and name and found as
 * a class at the first update; a class another agent retransforms is known as a class at once. Only weak references
 * are held: a class whose loader is collected leaves the list. Guarded by the group's monitor.
 */
final class PatchedClasses {

    private final Map<String, List<Entry>> byName = new HashMap<String, List<Entry>>();

    /**
     * Records a class whose sites the agent patched.
     *
     * @param loader the class's defining loader, or null for the boot loader
     * @param internalName the class's internal name
     * @param type the class, or null if it is being loaded (not yet defined)
     */
    void add(ClassLoader loader, String internalName, Class<?> type) {
        List<Entry> entries = byName.get(internalName);
        if (entries == null) {
            entries = new ArrayList<Entry>(1);
            byName.put(internalName, entries);
        }
        for (Entry entry : entries) {
            if (entry.loader() == loader && entry.loaderAlive()) {
                if (type != null) {
                    entry.type = new WeakReference<Class<?>>(type);
                }
                return;
            }
        }
        entries.add(new Entry(loader, internalName, type));
    }

    /** Returns the classes known now, without the entries of collected loaders. */
    List<Entry> snapshot() {
        List<Entry> all = new ArrayList<Entry>();
        for (Iterator<List<Entry>> named = byName.values().iterator(); named.hasNext();) {
            List<Entry> entries = named.next();
            for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
                Entry entry = it.next();
                if (entry.loaderAlive()) {
                    all.add(entry);
                } else {
                    it.remove();
                }
            }
            if (entries.isEmpty()) {
                named.remove();
            }
        }
        return all;
    }

    /**
     * Finds the classes of a snapshot. Called without the group's monitor: finding a class that another thread is
     * defining waits for it (its loader's lock for the name), and that thread's agent takes the monitor. A class that
     * was never defined (its definition failed) is not found and is left out.
     *
     * @param entries a snapshot
     * @return the classes, in the snapshot's order
     */
    static List<Class<?>> resolve(List<Entry> entries) {
        List<Class<?>> classes = new ArrayList<Class<?>>(entries.size());
        for (Entry entry : entries) {
            Class<?> type = entry.resolve();
            if (type != null) {
                classes.add(type);
            }
        }
        return classes;
    }

    /** A class the agent patched: its loader and name, and the class once found. */
    static final class Entry {
        private final WeakReference<ClassLoader> loader;
        private final boolean bootLoader;
        private final String internalName;
        /** The class once known; written under the group's monitor or by {@link #resolve}. */
        volatile WeakReference<Class<?>> type;

        Entry(ClassLoader loader, String internalName, Class<?> type) {
            this.loader = new WeakReference<ClassLoader>(loader);
            this.bootLoader = loader == null;
            this.internalName = internalName;
            this.type = type == null ? null : new WeakReference<Class<?>>(type);
        }

        ClassLoader loader() {
            return loader.get();
        }

        boolean loaderAlive() {
            return bootLoader || loader.get() != null;
        }

        /** Returns the class, finding it by name in its defining loader the first time; null if it is not there. */
        Class<?> resolve() {
            WeakReference<Class<?>> known = type;
            Class<?> found = known == null ? null : known.get();
            if (found != null) {
                return found;
            }
            ClassLoader definer = loader.get();
            if (definer == null && !bootLoader) {
                return null;
            }
            try {
                found = Class.forName(internalName.replace('/', '.'), false, definer);
            } catch (ClassNotFoundException e) {
                return null;
            } catch (LinkageError e) {
                return null;
            }
            if (found.getClassLoader() != definer) {
                return null;
            }
            type = new WeakReference<Class<?>>(found);
            return found;
        }

        @Override
        public String toString() {
            return internalName.replace('/', '.');
        }
    }
}
