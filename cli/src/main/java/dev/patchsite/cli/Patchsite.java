package dev.patchsite.cli;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code patchsite} command: scan, link, diff, verify and explain programs, and print a shell completion script.
 * Its exit codes are those of {@link ExitCode}, listed in every command's {@code --help}.
 */
@Command(name = "patchsite",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Patchsite.Version.class,
        description = "Link-time patch-site rewriter for the JVM: finds every call of a runtime-static function and"
                + " binds it to the variant selected at boot.",
        exitCodeListHeading = "%nExit codes:%n")
public final class Patchsite {

    /** The subcommands by name, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        CommandLine commandLine = commandLine(args.length == 0 ? null : args[0]);
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(commandLine.getErr());
        }
        System.exit(code);
    }

    /**
     * Returns the configured command line: user errors print their message without a stack trace and map to the
     * documented exit codes.
     *
     * @return the command line, ready to {@code execute}
     */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * Returns the command line for arguments that start with the given word: with that subcommand alone when it names
     * one that does not describe the others ({@code help} and {@code generate-completion} do), else with every
     * subcommand. Picocli reads a command's annotations when it is added, which costs a fresh JVM about a fifth of a
     * second for all of them; a run of one command needs one.
     */
    static CommandLine commandLine(String first) {
        CommandLine commandLine = new CommandLine(new Patchsite());
        boolean one = first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help")
                && !first.equals("generate-completion");
        SUBCOMMANDS.forEach((name, command) -> {
            if (!one || name.equals(first)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
        commandLine.setExecutionExceptionHandler(Patchsite::handle);
        CommandLine completion = commandLine.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        listExitCodes(commandLine);
        return commandLine;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("scan", ScanCommand::new);
        commands.put("link", LinkCommand::new);
        commands.put("diff", DiffCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("explain", ExplainCommand::new);
        commands.put("generate-completion", AutoComplete.GenerateCompletion::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /** Lists the exit codes in the help of the command and of each subcommand, from {@link ExitCode}. */
    private static void listExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
        commandLine.getSubcommands().values().forEach(Patchsite::listExitCodes);
    }

    static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ValidationException) {
            return error(err, e, ExitCode.VALIDATION);
        }
        if (e instanceof LinkException) {
            return error(err, e, ExitCode.LINK);
        }
        if (e instanceof UsageError) {
            return error(err, e, ExitCode.USAGE);
        }
        if (e instanceof InputException) {
            return error(err, e, ExitCode.INPUT);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return outOfMemory(err);
            }
        }
        err.println("internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    /** Reports a user's error in one line, its message, and returns its exit code. */
    private static int error(PrintWriter err, Exception e, ExitCode code) {
        err.println("error: " + e.getMessage());
        err.flush();
        return code.code();
    }

    /** Reports running out of heap, which is not a fault of the input nor a bug: the heap was too small. */
    static int outOfMemory(PrintWriter err) {
        long limit = Runtime.getRuntime().maxMemory() >> 20;
        err.println("error: out of memory: the Java heap's limit is " + limit + " MiB; run again with a larger one,"
                + " e.g. java -Xmx" + 2 * limit + "m -jar patchsite.jar ...");
        err.flush();
        return ExitCode.OUT_OF_MEMORY.code();
    }

    /**
     * Reads the version from the resource the core's build filters: the command has the version of the core it
     * runs.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            // dev/patchsite/linker/version.properties, beside the core's root package.
            try (InputStream in = PatchsiteException.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"patchsite " + properties.getProperty("version", "unknown"),
                "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})"};
        }
    }
}
