package dev.patchsite.linker.link;

import dev.patchsite.linker.PatchsiteException;
import java.nio.file.Path;

/**
 * Links a build's directory of classes for its tests, so that they run against linked classes (a function's
 * {@code PatchSite.update}, a selection forced with {@code -Dpatchsite.select.GROUP}): the directory is packed into a
 * jar, which is then linked as a build links its jar ({@link ArtifactLinker}), to another jar, skipped when nothing
 * changed. The directory itself is never changed: the build packages it as it is.
 */
public final class ClassesLinker {

    private ClassesLinker() {
    }

    /**
     * Packs and links the classes.
     *
     * @param classes the directory of classes
     * @param request the link of the jar the classes are packed into (its one input) to another jar
     * @return what happened, with the notices to show
     * @throws PatchsiteException if the classes cannot be read, or linked as asked, or the jars written
     * @throws IllegalArgumentException if the request links in place
     */
    public static ArtifactLinkResult link(Path classes, ArtifactLinkRequest request) throws PatchsiteException {
        if (request.inPlace()) {
            throw new IllegalArgumentException("the classes are linked to another jar than they are packed into");
        }
        ClassesJar.pack(classes, request.link().inputs().get(0));
        return ArtifactLinker.link(request);
    }
}
