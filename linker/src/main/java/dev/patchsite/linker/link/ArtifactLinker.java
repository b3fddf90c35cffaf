package dev.patchsite.linker.link;

import dev.patchsite.linker.DisplayPaths;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.Notice;
import dev.patchsite.linker.Notice.Level;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * Links the jar a build produced, as a build tool's link step does: in place (through a temporary file beside it,
 * then an atomic replace, since {@link Linker} never writes over an input) or to another file; skipped when the jar,
 * the class path and the configuration are as the last link left them; and says what happened in notices.
 */
public final class ArtifactLinker {

    private ArtifactLinker() {
    }

    /**
     * Links the jar, unless the last link left everything as it is.
     *
     * @param request the link, and the build's state file, identity and naming
     * @return what happened, with the linked table and the notices to show
     * @throws InputException if the jar, its class path or the state cannot be read, or the output written
     * @throws dev.patchsite.linker.ValidationException if the declarations break a rule
     * @throws LinkException if the jar cannot be linked as asked; the message suggests the rebuild command when an
     *     earlier build linked the jar in place
     */
    public static ArtifactLinkResult link(ArtifactLinkRequest request) throws PatchsiteException {
        LinkRequest link = request.link();
        Path input = link.inputs().get(0);
        Path output = link.outputs().get(0);
        String inputName = DisplayPaths.relative(request.base(), input);
        String outputName = DisplayPaths.relative(request.base(), output);
        try {
            if (request.state() != null && fingerprint(request).matches(request.state())) {
                return new ArtifactLinkResult(ArtifactLinkResult.Status.UP_TO_DATE, null, List.of(new Notice(
                        Level.INFO, "patchsite: " + outputName + " is up to date: its inputs and configuration have"
                        + " not changed since it was linked")));
            }
            PatchSiteTable table = request.inPlace() ? linkInPlace(link) : Linker.link(link);
            if (request.state() != null) {
                fingerprint(request).store(request.state());
            }
            if (table == null) {
                return new ArtifactLinkResult(ArtifactLinkResult.Status.ALREADY_LINKED, null, List.of(new Notice(
                        Level.WARNING, "patchsite: " + inputName + " was already linked in " + link.mode().label()
                        + " mode and is kept as it is; if its dependencies or this configuration changed since,"
                        + " rebuild it (" + request.rebuildCommand() + ") to link it again")));
            }
            if (table.functions().isEmpty()) {
                return new ArtifactLinkResult(ArtifactLinkResult.Status.NOTHING_TO_LINK, table, List.of(new Notice(
                        Level.INFO, "patchsite: nothing to link in " + inputName + ", kept as it is: no function"
                        + " found in it or its dependencies (a module that calls functions needs the library that"
                        + " declares them as a dependency)")));
            }
            return new ArtifactLinkResult(ArtifactLinkResult.Status.LINKED, table, List.of(new Notice(Level.INFO,
                    "patchsite: linked " + outputName + " in " + link.mode().label() + " mode: "
                    + TableSummary.bindings(table))));
        } catch (LinkException e) {
            // Linked in place in another mode: the jar it was linked from is gone, so say how to get it back.
            if (request.inPlace() && TableSource.isLinked(input)) {
                throw new LinkException(e.getMessage() + " (an earlier build linked it in place: rebuild it, e.g. "
                        + request.rebuildCommand() + ")");
            }
            throw e;
        } catch (IOException e) {
            throw new InputException("cannot link " + input + ": " + IoReasons.of(e), e);
        }
    }

    /** Links one jar over itself: to a temporary file beside it, then moved over it. */
    private static PatchSiteTable linkInPlace(LinkRequest request) throws PatchsiteException, IOException {
        Path input = request.inputs().get(0);
        Path temporary = AtomicOutput.temporaryFor(input);
        try {
            PatchSiteTable table = Linker.link(request.withOutputs(List.of(temporary)));
            AtomicOutput.move(temporary, input);
            return table;
        } finally {
            AtomicOutput.deleteQuietly(temporary);
        }
    }

    private static LinkFingerprint fingerprint(ArtifactLinkRequest request) throws IOException {
        LinkRequest link = request.link();
        LinkFingerprint fingerprint = new LinkFingerprint()
                .add("tool", request.tool())
                .add("mode", link.mode().label())
                .add("selections", new TreeMap<>(link.selections()))
                .add("stripSignatures", link.stripSignatures())
                .add("embedRuntime", link.embedRuntime());
        if (link.declarations() != null) {
            fingerprint.addContent("declarations", link.declarations());
        }
        return fingerprint.addClasspath(link.classpath()).addContent("input", link.inputs().get(0))
                .addContent("output", link.outputs().get(0));
    }
}
