package dev.patchsite.cli;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.explain.ProbedLink;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.link.Linker;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchsite link}: rewrites jars so that every site is bound to the selected variant. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Links jars: every call of a runtime-static function is bound to the variant selected at boot"
                + " (boot and indy modes) or at link time (static mode). Each INPUT is written, linked, to OUT: a file"
                + " for one input, a directory for several. Inputs are never modified.",
            "Modes: boot (the default) keeps calls as invokestatic and lets the runtime's agent patch them as"
                + " classes load; indy turns each call into an invokedynamic bound at its first execution; static"
                + " fixes the selection now (--select) and needs no runtime."})
final class LinkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "The jars to link.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The linked jar (one input), or the directory to write the linked jars to (several); written"
                    + " atomically, a symbolic link written through. It must not be an input, a device or a FIFO.")
    Path output;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "boot", completionCandidates = Modes.class,
            converter = Modes.class, description = "boot (the default), indy or static.")
    LinkMode mode;

    @Option(names = "--select", paramLabel = "GROUP=VARIANT",
            description = "In static mode, the variant of a group (binary name), or default. Repeatable.")
    Map<String, String> selections = new LinkedHashMap<>();

    @Option(names = "--select-by-probes",
            description = "With --mode static: select each group not given to --select as the runtime would on this"
                    + " machine (the -Dpatchsite.select.* properties given to this command, else the probes, run in a"
                    + " separate JVM as explain runs them), and fix that selection in the linked jar.")
    boolean selectByProbes;

    @Mixin
    ProbeOptions probeOptions;

    @Option(names = "--classpath", paramLabel = "PATH", split = ":",
            description = "Jars and directories that supply declarations, variants and sites but are not rewritten"
                    + " (separated by ':'; repeatable).")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--strip-signatures",
            description = "Link a signed jar by dropping its signatures (they would no longer verify).")
    boolean stripSignatures;

    @Option(names = "--no-embed-runtime",
            description = "Do not add the patchsite runtime's classes to the linked jar; the program brings its own.")
    boolean noEmbedRuntime;

    @Mixin
    ScanOptions scanOptions;

    @Override
    public Integer call() throws PatchsiteException {
        try (CliLog log = scanOptions.log(spec.commandLine())) {
            return run(log);
        }
    }

    private int run(CliLog log) throws PatchsiteException {
        var settings = scanOptions.request(spec.commandLine(), inputs, log);
        LinkRequest request = new LinkRequest(inputs, classpath, outputs(), mode,
                new TreeMap<>(selections), settings.declarations(), settings.threads(), stripSignatures,
                !noEmbedRuntime, settings.log()).withCache(settings.cache()).withProgress(settings.progress());
        PatchSiteTable table = selectByProbes ? ProbedLink.link(request, probeOptions.timeout(spec.commandLine()))
                : Linker.link(request);
        spec.commandLine().getOut().println(table == null
                ? "already linked (" + mode.label() + " mode); copied unchanged"
                : table.functions().isEmpty() ? "nothing to link: no function found (is the library that declares"
                + " them on --classpath?); copied unchanged"
                : "linked (" + table.linkedMode().label() + " mode): " + TableSummary.bindings(table));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }

    private List<Path> outputs() {
        if (Output.isStandardOutput(output)) {
            throw new UsageError("-o -: link writes jars, to files; standard output is for"
                    + " the text of scan and diff");
        }
        if (inputs.size() == 1) {
            return List.of(output);
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UsageError("with several inputs, -o names a directory, but " + output + " is a file");
        }
        List<Path> outputs = new ArrayList<>();
        for (Path input : inputs) {
            outputs.add(output.resolve(input.getFileName()));
        }
        return outputs;
    }

    /** The values of {@code --mode}. */
    static final class Modes extends EnumLabels<LinkMode> {
        Modes() {
            super(LinkMode.class);
        }
    }
}
