package dev.patchsite.linker.cli;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.explain.Explainer;
import java.nio.file.Path;
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
            "Overrides are -Dpatchsite.select.<group>=<variant> given to this java command, or --select."})
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
    ScanOptions scanOptions;

    @Override
    public Integer call() throws PatchsiteException {
        CliLog log = new CliLog(spec.commandLine().getErr(), scanOptions.verbose);
        List<Path> program = new ArrayList<>();
        program.add(jar);
        program.addAll(classpath);
        Output.emit(spec.commandLine(), null, Explainer.explain(jar, scanOptions.request(spec.commandLine(), program,
                log), overrides));
        return ExitCodes.OK;
    }
}
