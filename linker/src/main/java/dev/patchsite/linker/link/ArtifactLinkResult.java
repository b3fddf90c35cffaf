package dev.patchsite.linker.link;

import dev.patchsite.linker.Notice;
import dev.patchsite.linker.table.PatchSiteTable;
import java.util.List;

/**
 * What linking a build's jar did.
 *
 * @param status what happened to the jar
 * @param table the linked table, for {@link Status#LINKED} and {@link Status#NOTHING_TO_LINK}; else null
 * @param notices the lines to show
 */
public record ArtifactLinkResult(Status status, PatchSiteTable table, List<Notice> notices) {

    /** Copies the notices. */
    public ArtifactLinkResult {
        notices = List.copyOf(notices);
    }

    /** What happened to the jar. */
    public enum Status {
        /** Its inputs and configuration are as the last link left them: nothing was done. */
        UP_TO_DATE,
        /** It was linked. */
        LINKED,
        /** The program has no function: the jar was kept (or copied) as it is. */
        NOTHING_TO_LINK,
        /** It was linked already, by an earlier build: kept (or copied) as it is. */
        ALREADY_LINKED
    }
}
