package dev.patchsite.cli;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.explain.Explainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchsite explain}: which variant each group would get on this machine, and why. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"For each group of a program, tells which variant this machine would get at boot and why: the"
                + " override in force, every probe evaluated (here, with the program's classes, as the runtime would)"
                + " and the priorities.",
            "Overrides are -Dpatchsite.select.<group>=<variant> given to this java command, or --select.",
            "The probes are the program's own code, and explain runs them: in a separate JVM (the same java, the"
                + " program's class path, the -D options given to this command), each with a time limit, with this"
                + " user's rights to files, network and environment. A probe that does not answer in time or ends its"
                + " JVM is reported (exit 4). Run explain on an untrusted jar only in a sandbox (a container without"
                + " secrets); scan, link, verify and diff never run the program's code."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JAR", description = "The program's jar, linked or not.")
    Path jar;

    @Option(names = "--classpath", paramLabel = "PATH", split = ":",
            description = "More jars and directories of the program (separated by ':'; repeatable).")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--select", paramLabel = "GROUP=VARIANT",
            description = "Explain as if -Dpatchsite.select.GROUP=VARIANT were given. Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Mixin
    ProbeOptions probeOptions;

    @Mixin
    ScanOptions scanOptions;

    @Override
    public Integer call() throws PatchsiteException {
        try (CliLog log = scanOptions.log(spec.commandLine())) {
            return run(log);
        }
    }

    private int run(CliLog log) throws PatchsiteException {
        Duration timeout = probeOptions.timeout(spec.commandLine());
        ScanRequest scan = scanOptions.request(spec.commandLine(), List.of(jar), log);
        ProgramFiles program = new ProgramFiles(List.of(jar), classpath, scan.declarations());
        Output.emit(spec.commandLine(), null, Explainer.explain(program, scan.settings(), overrides, timeout));
        return ExitCode.OK.code();
    }
}
