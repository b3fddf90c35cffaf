package dev.patchsite.cli;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.diff.DiffFormat;
import dev.patchsite.linker.diff.DiffReport;
import dev.patchsite.linker.diff.SourceRoots;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.diff.TableDiff;
import dev.patchsite.linker.table.PatchSiteTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchsite diff}: what changed between two patch-site tables, for CI. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two patch-site tables and reports added, removed and changed functions, variants and"
                + " sites, grouped by function. A site is identified by function, caller and ordinal: a site that"
                + " only moved to another line is not a change.",
            "OLD and NEW are table files (text or JSON), or jars or directories of classes, which are scanned.",
            "Exits with 1 when the --fail-on policy fails on a difference, 0 otherwise."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The baseline: a table file, jar or directory.")
    Path oldInput;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new program: a table file, jar or directory.")
    Path newInput;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = DiffFormats.class, converter = DiffFormats.class,
            description = "text (the default), markdown (a pull-request comment), json, github (GitHub Actions"
                    + " annotations) or sarif (SARIF 2.1.0, for code scanning).")
    DiffFormat format;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "A directory of the program's sources (e.g. src/main/java), where github and sarif find a"
                    + " difference's file by its class's package and source file name, to point at its line;"
                    + " repeatable, searched in order. Files are named relative to the current directory.")
    List<Path> sourceRoots = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "POLICY", defaultValue = "any",
            completionCandidates = Policies.class, converter = Policies.class,
            description = "Which differences make the exit code 1: any (the default), added, removed, or none.")
    FailPolicy failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically; a symbolic link is written through, a device or FIFO"
                    + " written to) instead of standard output; - is standard output. FILE must not be an input.")
    Path output;

    @Mixin
    ScanOptions scanOptions;

    @Override
    public Integer call() throws PatchsiteException {
        CliLog log = new CliLog(spec.commandLine().getErr(), scanOptions.verbose);
        Output.check(output, Arrays.asList(oldInput, newInput, scanOptions.declarations));
        var settings = scanOptions.request(spec.commandLine(), List.of(oldInput), log);
        PatchSiteTable oldTable = TableSource.load(oldInput, settings);
        PatchSiteTable newTable = TableSource.load(newInput, settings);
        TableDiff diff = TableDiff.compare(oldTable, newTable);
        String report = format.render(diff, new DiffReport(oldInput.toString(), newInput.toString(), failOn,
                SourceRoots.of(sourceRoots, Path.of("")), log.vocabulary()));
        Output.emit(spec.commandLine(), output, report);
        return (diff.fails(failOn) ? ExitCode.DIFFERENCE : ExitCode.OK).code();
    }

    /** The values of {@code --format}. */
    static final class DiffFormats extends EnumLabels<DiffFormat> {
        DiffFormats() {
            super(DiffFormat.class);
        }
    }

    /** The values of {@code --fail-on}. */
    static final class Policies extends EnumLabels<FailPolicy> {
        Policies() {
            super(FailPolicy.class);
        }
    }
}
