package dev.patchsite.linker.link;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a build tool links the jar it built: in place (the request's output is its input) or beside it.
 *
 * @param link the link of one jar; its output may be its input
 * @param state where to keep what the last link read and wrote, so that an unchanged build skips the link; null to
 *     link every time
 * @param tool who links, e.g. the plugin's coordinates and version; a new version links again
 * @param base the directory the jars are named relative to in notices, e.g. the project's
 * @param rebuildCommand the command that builds the jar again from its sources, which notices suggest when the jar
 *     was linked in place already, e.g. {@code mvn clean package}
 * @param unlinked where to keep the jar as it was before it was linked in place, so that a later build that finds
 *     the jar as this link left it (the build did not package it again) but its class path or configuration changed
 *     links the kept jar again instead of keeping a stale link; null to keep nothing. Used with {@code state} only
 */
public record ArtifactLinkRequest(LinkRequest link, Path state, String tool, Path base, String rebuildCommand,
        Path unlinked) {

    /** Checks the request: one jar, and nothing missing. */
    public ArtifactLinkRequest {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(rebuildCommand, "rebuildCommand");
        if (link.inputs().size() != 1) {
            throw new IllegalArgumentException("a build links one jar, not " + link.inputs().size());
        }
    }

    /**
     * Creates a request that keeps no unlinked jar.
     *
     * @param link the link of one jar
     * @param state where to keep what the last link read and wrote, or null
     * @param tool who links
     * @param base the directory the jars are named relative to
     * @param rebuildCommand the command that builds the jar again
     */
    public ArtifactLinkRequest(LinkRequest link, Path state, String tool, Path base, String rebuildCommand) {
        this(link, state, tool, base, rebuildCommand, null);
    }

    /**
     * Returns whether the jar is linked in place.
     *
     * @return true if the output is the input
     */
    public boolean inPlace() {
        return link.outputs().get(0).equals(link.inputs().get(0));
    }
}
