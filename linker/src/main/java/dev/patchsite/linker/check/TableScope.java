package dev.patchsite.linker.check;

import dev.patchsite.linker.Labels;

/**
 * Which part of a program's patch-site table a build's check and baseline record. A module of a multi-module build
 * records its own sites by default, so that each baseline is about its own code and a library's change is accepted
 * once, in the library, not again in every module that depends on it.
 */
public enum TableScope {
    /**
     * The functions, variants and sites in the classes of the first jar of the program (the module's own), and the
     * functions of the rest of the program that those classes call or implement: what the module calls, not the
     * dependencies' own sites and variants.
     */
    MODULE,
    /** The whole program's table: the jar and every dependency, as {@code patchsite scan} of them all gives it. */
    PROGRAM;

    /**
     * Returns the name by which the scope is configured, e.g. {@code module}.
     *
     * @return the lower-case name
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the scope with the given name.
     *
     * @param label the lower-case name, {@code module} or {@code program}
     * @return the scope
     * @throws IllegalArgumentException if no scope has that name; the message lists the valid names
     */
    public static TableScope ofLabel(String label) {
        return Labels.parse(TableScope.class, label, "table scope");
    }
}
