package dev.patchsite.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The {@code -Dpatchsite.select.<group>} properties that name no group: a typo in a group's name would otherwise be
 * ignored without a word. At the first bind, a property naming a group whose description neither the system class
 * loader nor the binding thread's context loader sees is reported at once; with {@code -Dpatchsite.verbose=true},
 * the report at exit also names every property no group of the run used.
 */
final class SelectProperties {

    private static boolean checked;

    private SelectProperties() {
    }

    /** Reports, once per run, the properties naming a group no loader at hand describes. */
    static void checkOnce(ClassLoader loader) {
        synchronized (SelectProperties.class) {
            if (checked) {
                return;
            }
            checked = true;
        }
        for (String group : named()) {
            String resource = GroupInfo.resourceName(group);
            if (!sees(ClassLoader.getSystemClassLoader(), resource) && !sees(loader, resource)
                    && !sees(Thread.currentThread().getContextClassLoader(), resource)) {
                System.err.println("patchsite: -D" + Selector.PROPERTY_PREFIX + group + " names no group of this"
                        + " program (no " + resource + "); check the group's name");
            }
        }
    }

    /** Returns the groups the properties name that are not among the given ones, for the report at exit. */
    static List<String> unused(Set<String> bound) {
        List<String> unused = new ArrayList<String>();
        for (String group : named()) {
            if (!bound.contains(group)) {
                unused.add(group);
            }
        }
        return unused;
    }

    private static List<String> named() {
        List<String> groups = new ArrayList<String>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(Selector.PROPERTY_PREFIX) && key.length() > Selector.PROPERTY_PREFIX.length()) {
                groups.add(key.substring(Selector.PROPERTY_PREFIX.length()));
            }
        }
        Collections.sort(groups);
        return groups;
    }

    private static boolean sees(ClassLoader loader, String resource) {
        return loader != null && loader.getResource(resource) != null;
    }
}
