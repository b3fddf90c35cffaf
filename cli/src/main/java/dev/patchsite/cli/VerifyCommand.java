package dev.patchsite.cli;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableSummary;
import dev.patchsite.linker.link.Verifier;
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

/** {@code patchsite verify}: checks linked jars against their embedded tables. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks linked jars: every site of the embedded table is in the bytecode and bound as the"
                + " table says, every call of a function is in the table, every group is described for the runtime,"
                + " every variant is still valid. Exits with 0, or 4 and the list of problems.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LINKED",
            description = "Linked jars; the jars of one link are verified as one program, each with the others.")
    List<Path> linked;

    @Option(names = "--classpath", paramLabel = "PATH", split = ":",
            description = "The jars and directories the jars were linked with (separated by ':'; repeatable).")
    List<Path> classpath = new ArrayList<>();

    @Mixin
    ScanOptions scanOptions;

    @Override
    public Integer call() throws PatchsiteException {
        try (CliLog log = scanOptions.log(spec.commandLine())) {
            return run(log);
        }
    }

    private int run(CliLog log) throws PatchsiteException {
        ScanRequest scan = scanOptions.request(spec.commandLine(), linked, log);
        ProgramFiles program = new ProgramFiles(linked, classpath, scan.declarations());
        for (Path jar : linked) {
            PatchSiteTable table = Verifier.verify(jar, program, scan.settings());
            spec.commandLine().getOut().println(table.linkedMode() == null
                    ? "verified " + jar + ": nothing to link (no function, variant or site of the program in it)"
                    : "verified " + jar + " (" + table.linkedMode().label() + " mode): "
                    + TableSummary.bindings(table));
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
