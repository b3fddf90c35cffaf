package dev.patchsite.linker.explain;

import java.util.List;

/**
 * What evaluating one group's probes in the child JVM gave: the runtime's selection, an unknown override, or a
 * probe that did not return.
 *
 * @param probes the runtime's line per probe evaluated, e.g. {@code numa: a.NumaProbe true}
 * @param selected the variant selected, or null if there is none (see {@code problem})
 * @param reason why it was selected, or null
 * @param problem why there is no selection (an unknown override, a probe that did not answer or ended the JVM), or
 *     null
 */
record ProbeOutcome(List<String> probes, String selected, String reason, String problem) {

    /** Returns an outcome without a selection. */
    static ProbeOutcome failed(String problem) {
        return new ProbeOutcome(List.of(), null, null, problem);
    }
}
