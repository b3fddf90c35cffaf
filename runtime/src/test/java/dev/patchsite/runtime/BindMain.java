package dev.patchsite.runtime;

/**
 * A program for {@link SelectPropertiesTest}'s forked JVM: calls the function of each group of {@link TestGroups}
 * named in its arguments (simple names, e.g. {@code Forked}) and prints {@code <group> -> <implementation>}.
 */
public final class BindMain {

    private BindMain() {
    }

    /**
     * Runs the program.
     *
     * @param args simple names of groups of {@link TestGroups}
     * @throws ClassNotFoundException if one is not
     */
    public static void main(String[] args) throws ClassNotFoundException {
        for (String group : args) {
            Class<?> type = Class.forName(TestGroups.class.getName() + "$" + group);
            System.out.println(group + " -> " + TestGroups.call(type));
        }
    }
}
