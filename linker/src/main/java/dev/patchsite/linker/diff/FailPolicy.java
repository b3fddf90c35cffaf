package dev.patchsite.linker.diff;

import dev.patchsite.linker.Labels;

/**
 * Which differences between the old and the new table fail the check ({@code --fail-on} of {@code patchsite diff}).
 */
public enum FailPolicy {
    /** Fails on any difference: a function, variant or site added, removed or changed. */
    ANY,
    /** Fails when a function, variant or site was added. */
    ADDED,
    /** Fails when a function, variant or site was removed. */
    REMOVED,
    /** Never fails; the diff is only reported. */
    NONE;

    /**
     * Returns the name used on the command line, e.g. {@code added}.
     *
     * @return the lower-case name
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the policy with the given command-line name.
     *
     * @param label the lower-case name, e.g. {@code removed}
     * @return the policy
     * @throws IllegalArgumentException if no policy has that name; the message lists the valid names
     */
    public static FailPolicy ofLabel(String label) {
        return Labels.parse(FailPolicy.class, label, "fail-on policy");
    }

    /** Returns whether one difference of the given delta makes this policy fail. */
    boolean failsOn(Delta delta) {
        return switch (this) {
            case ANY -> true;
            case ADDED -> delta == Delta.ADDED;
            case REMOVED -> delta == Delta.REMOVED;
            case NONE -> false;
        };
    }

    /**
     * Returns why the diff fails this policy, e.g. {@code 1 function added, 2 sites added}; only meaningful when
     * {@code diff.fails(this)}.
     */
    String reason(TableDiff diff) {
        return this == ANY ? "the patch-site table changed" : diff.summary(this::failsOn);
    }
}
