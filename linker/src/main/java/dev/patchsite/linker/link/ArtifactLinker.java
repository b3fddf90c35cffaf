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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * Links the jar a build produced, as a build tool's link step does: in place (through a temporary file beside it,
 * then an atomic replace, since {@link Linker} never writes over an input) or to another file; skipped when the jar,
 * the content of every class path entry and the configuration are as the last link left them; and says what
 * happened in notices. A jar linked in place is kept as it was before, so that when the build leaves the linked jar
 * as it is (it did not package it again) while a dependency or the configuration changed, the kept jar is linked
 * again: a jar is never left linked against a class path it no longer has.
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
        Path input = request.link().inputs().get(0);
        Path output = request.link().outputs().get(0);
        String inputName = DisplayPaths.relative(request.base(), input);
        String outputName = DisplayPaths.relative(request.base(), output);
        try {
            Path source = source(request);
            LinkRequest link = request.link().withInputs(List.of(source));
            if (request.state() != null && fingerprint(request, link).matches(request.state())) {
                return new ArtifactLinkResult(ArtifactLinkResult.Status.UP_TO_DATE, null, List.of(new Notice(
                        Level.INFO, "patchsite: " + outputName + " is up to date: its inputs and configuration have"
                        + " not changed since it was linked")));
            }
            PatchSiteTable table;
            Path linkedFrom = source;
            if (!request.inPlace()) {
                table = Linker.link(link);
            } else {
                boolean keep = source.equals(input) && request.unlinked() != null && request.state() != null;
                table = linkInPlace(link, input, keep ? request.unlinked() : null);
                linkedFrom = keep && table != null ? request.unlinked() : source;
            }
            if (request.state() != null) {
                fingerprint(request, link.withInputs(List.of(linkedFrom))).store(request.state());
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
            String again = source.equals(input) ? "" : " again, from " + DisplayPaths.relative(request.base(), source)
                    + " (its class path or configuration changed since it was linked)";
            return new ArtifactLinkResult(ArtifactLinkResult.Status.LINKED, table, List.of(new Notice(Level.INFO,
                    "patchsite: linked " + outputName + again + " in " + link.mode().label() + " mode: "
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

    /**
     * Returns the jar a link of the request reads: the kept unlinked jar when the jar is exactly as the last in-place
     * link wrote it (the build did not package it again); else the jar itself. What runs the program's probes before
     * the link (a build's {@code selectByProbes}) runs them on this jar, never on a linked one.
     *
     * @param request the link
     * @return the jar to read
     * @throws InputException if the state or the jar cannot be read
     */
    public static Path sourceOf(ArtifactLinkRequest request) throws InputException {
        try {
            return source(request);
        } catch (IOException e) {
            throw new InputException("cannot link " + request.link().inputs().get(0) + ": " + IoReasons.of(e), e);
        }
    }

    /**
     * Returns the jar to link: the kept unlinked jar when the jar is exactly as the last in-place link wrote it (the
     * build did not package it again, so it is linked, against the class path of then); else the jar itself.
     */
    private static Path source(ArtifactLinkRequest request) throws IOException {
        Path input = request.link().inputs().get(0);
        Path kept = request.unlinked();
        if (!request.inPlace() || kept == null || request.state() == null || !Files.isRegularFile(kept)) {
            return input;
        }
        String written = LinkFingerprint.stored(request.state(), "output");
        return written != null && written.equals(LinkFingerprint.content(input)) ? kept : input;
    }

    /**
     * Links one jar over a target: to a temporary file beside it, then moved over it. The jar linked may be the
     * target itself; then, if a link was written and {@code keep} is given, the target as it was is kept there first.
     *
     * @param keep where to keep the unlinked target, or null
     * @return the linked table; null if the jar was linked already and copied
     */
    private static PatchSiteTable linkInPlace(LinkRequest request, Path target, Path keep)
            throws PatchsiteException, IOException {
        Path temporary = AtomicOutput.temporaryFor(target);
        try {
            PatchSiteTable table = Linker.link(request.withOutputs(List.of(temporary)));
            if (keep != null && table != null) {
                keepUnlinked(target, keep);
            }
            AtomicOutput.move(temporary, target);
            return table;
        } finally {
            AtomicOutput.deleteQuietly(temporary);
        }
    }

    /**
     * Keeps the jar about to be replaced by its link: a hard link where the file system allows (the replacing move
     * gives the jar's path a new file, so the kept one never changes), else a copy; written atomically.
     */
    private static void keepUnlinked(Path jar, Path keep) throws IOException {
        Path temporary = AtomicOutput.temporaryFor(keep);
        try {
            Files.delete(temporary);
            try {
                Files.createLink(temporary, jar);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(jar, temporary);
            }
            AtomicOutput.move(temporary, keep);
        } finally {
            AtomicOutput.deleteQuietly(temporary);
        }
    }

    /** Returns the fingerprint of a link of the request's jar, from the given source to its output. */
    private static LinkFingerprint fingerprint(ArtifactLinkRequest request, LinkRequest link) throws IOException {
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
