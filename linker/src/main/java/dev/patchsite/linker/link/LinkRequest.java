package dev.patchsite.linker.link;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.Progress;
import dev.patchsite.linker.table.LinkMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to link.
 *
 * @param inputs the jars to link, each written to its own output
 * @param classpath jars and directories that supply declarations, variants and sites but are not rewritten
 * @param outputs where each input's linked jar goes, in the order of {@code inputs}
 * @param mode how to bind sites
 * @param selections for {@code static} mode, the variant of each group by the group's binary name; groups not named
 *     keep their default
 * @param declarations a declaration file, or null
 * @param threads how many threads read classes
 * @param stripSignatures whether to drop the signatures of a signed jar (its classes change, so they would no longer
 *     verify) instead of refusing it
 * @param embedRuntime whether to add the runtime's classes to each output that needs them and does not have them
 * @param log where to report warnings and information
 * @param cache the directory of the scan cache, or null to read every class (see
 *     {@link dev.patchsite.linker.ScanSettings#cache()})
 * @param progress where to report how far the scan and the writing got
 */
public record LinkRequest(List<Path> inputs, List<Path> classpath, List<Path> outputs, LinkMode mode,
        Map<String, String> selections, Path declarations, int threads, boolean stripSignatures,
        boolean embedRuntime, PatchsiteLog log, Path cache, Progress progress) {

    /** Checks the request and copies its collections. */
    public LinkRequest {
        inputs = List.copyOf(inputs);
        classpath = List.copyOf(classpath);
        outputs = List.copyOf(outputs);
        selections = Map.copyOf(new TreeMap<>(selections));
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(progress, "progress");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input to link");
        }
        if (inputs.size() != outputs.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + outputs.size() + " outputs");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + threads);
        }
    }

    /**
     * Creates a request without a scan cache or progress.
     *
     * @param inputs the jars to link
     * @param classpath jars and directories that are read, not rewritten
     * @param outputs where each input's linked jar goes
     * @param mode how to bind sites
     * @param selections for {@code static} mode, the variant of each group
     * @param declarations a declaration file, or null
     * @param threads how many threads read classes
     * @param stripSignatures whether to drop the signatures of a signed jar
     * @param embedRuntime whether to add the runtime's classes where needed
     * @param log where to report warnings and information
     */
    public LinkRequest(List<Path> inputs, List<Path> classpath, List<Path> outputs, LinkMode mode,
            Map<String, String> selections, Path declarations, int threads, boolean stripSignatures,
            boolean embedRuntime, PatchsiteLog log) {
        this(inputs, classpath, outputs, mode, selections, declarations, threads, stripSignatures, embedRuntime, log,
                null, Progress.NONE);
    }

    /**
     * Returns a request that links one jar in {@code boot} mode, embedding the runtime, with one thread per processor.
     *
     * @param input the jar to link
     * @param output where to write the linked jar
     * @return the request
     */
    public static LinkRequest of(Path input, Path output) {
        return new LinkRequest(List.of(input), List.of(), List.of(output), LinkMode.BOOT, Map.of(), null,
                Runtime.getRuntime().availableProcessors(), false, true, PatchsiteLog.SILENT);
    }

    /**
     * Returns this request with another mode.
     *
     * @param newMode the mode
     * @return the new request
     */
    public LinkRequest withMode(LinkMode newMode) {
        return new LinkRequest(inputs, classpath, outputs, newMode, selections, declarations, threads,
                stripSignatures, embedRuntime, log, cache, progress);
    }

    /**
     * Returns this request with other static selections.
     *
     * @param newSelections the variant of each group, by the group's binary name
     * @return the new request
     */
    public LinkRequest withSelections(Map<String, String> newSelections) {
        return new LinkRequest(inputs, classpath, outputs, mode, newSelections, declarations, threads,
                stripSignatures, embedRuntime, log, cache, progress);
    }

    /**
     * Returns this request with other inputs.
     *
     * @param newInputs the jars to link, one per output
     * @return the new request
     */
    public LinkRequest withInputs(List<Path> newInputs) {
        return new LinkRequest(newInputs, classpath, outputs, mode, selections, declarations, threads,
                stripSignatures, embedRuntime, log);
    }

    /**
     * Returns this request with other outputs.
     *
     * @param newOutputs where each input's linked jar goes, in the order of {@code inputs}
     * @return the new request
     */
    public LinkRequest withOutputs(List<Path> newOutputs) {
        return new LinkRequest(inputs, classpath, newOutputs, mode, selections, declarations, threads,
                stripSignatures, embedRuntime, log, cache, progress);
    }

    /**
     * Returns this request with a scan cache.
     *
     * @param directory the cache's directory, or null for none
     * @return the new request
     */
    public LinkRequest withCache(Path directory) {
        return new LinkRequest(inputs, classpath, outputs, mode, selections, declarations, threads,
                stripSignatures, embedRuntime, log, directory, progress);
    }

    /**
     * Returns this request reporting progress elsewhere.
     *
     * @param target where to report how far the scan and the writing got
     * @return the new request
     */
    public LinkRequest withProgress(Progress target) {
        return new LinkRequest(inputs, classpath, outputs, mode, selections, declarations, threads,
                stripSignatures, embedRuntime, log, cache, target);
    }
}
