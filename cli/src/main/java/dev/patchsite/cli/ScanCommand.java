package dev.patchsite.cli;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableJson;
import dev.patchsite.linker.table.TableSummary;
import dev.patchsite.linker.table.TableWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchsite scan}: prints a program's patch-site table. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scans jars and directories of classes (a classpath) and prints the program's patch-site table:"
                + " its functions, variants and sites.")
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Jars and directories of classes, in classpath"
            + " order.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the table to FILE (atomically; a symbolic link is written through, a device or FIFO"
                    + " written to) instead of standard output; - is standard output. FILE must not be an input.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", completionCandidates = TableFormats.class,
            converter = TableFormats.class, description = "text (the default) or json.")
    TableFormat format;

    @Option(names = "--no-positions", description = "Leave out every site's line= and offset=, as a committed"
            + " baseline keeps them: diff never compares positions, and a call that moves then changes no line.")
    boolean noPositions;

    @Mixin
    ScanOptions scanOptions;

    @Override
    public Integer call() throws PatchsiteException {
        try (CliLog log = scanOptions.log(spec.commandLine())) {
            return run(log);
        }
    }

    private int run(CliLog log) throws PatchsiteException {
        List<Path> read = new ArrayList<>(inputs);
        read.add(scanOptions.declarations);
        Output.check(output, read);
        long start = System.nanoTime();
        PatchSiteTable table = Scanner.scan(scanOptions.request(spec.commandLine(), inputs, log));
        Output.emit(spec.commandLine(), output, format.render(noPositions ? table.withoutPositions() : table));
        log.info("scanned " + inputs.size() + (inputs.size() == 1 ? " input" : " inputs") + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms: " + TableSummary.counts(table));
        return ExitCode.OK.code();
    }

    /** The forms of the table {@code scan} prints: text (see docs/table-format.md) or its JSON form. */
    enum TableFormat {
        /** The table's text form. */
        TEXT,
        /** The table's JSON form. */
        JSON;

        String render(PatchSiteTable table) {
            return this == JSON ? TableJson.toJson(table) : TableWriter.toText(table);
        }
    }

    /** The values of {@code --format}. */
    static final class TableFormats extends EnumLabels<TableFormat> {
        TableFormats() {
            super(TableFormat.class);
        }
    }
}
