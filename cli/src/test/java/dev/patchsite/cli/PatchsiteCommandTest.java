package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The {@code patchsite} command itself: version, help, the subcommands, shell completion. */
class PatchsiteCommandTest {

    /** The subcommands this test knows; others may be added (each is checked for help all the same). */
    private static final List<String> DOCUMENTED = List.of("scan", "diff", "generate-completion", "help");

    /** A release or snapshot version, as the build filters it into version.properties; never "unknown". */
    private static final Pattern VERSION = Pattern.compile("patchsite \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionNamesPatchsiteAndItsVersion(String option) {
        Cli.Result result = Cli.run(option).assertClean(ExitCode.OK.code());
        List<String> lines = result.out().lines().toList();
        assertTrue(VERSION.matcher(lines.get(0)).matches(), () -> "first line: " + lines.get(0));
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(1).startsWith("JVM: " + System.getProperty("java.version") + " "), lines.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "diff", "link", "verify", "explain"})
    void subcommandVersionIsTheVersionOfPatchsite(String subcommand) {
        assertEquals(Cli.run("--version").assertClean(ExitCode.OK.code()).out(),
                Cli.run(subcommand, "--version").assertClean(ExitCode.OK.code()).out());
    }

    /** main builds the command line of the subcommand it runs alone; what a user sees is the same. */
    @ParameterizedTest
    @MethodSource("subcommands")
    void aCommandLineOfOneSubcommandHelpsAndFailsAsTheWholeOne(String subcommand) {
        for (String[] args : List.of(new String[] {subcommand, "--help"}, new String[] {subcommand, "--no-such-option"},
                new String[] {subcommand, "-V"})) {
            assertEquals(run(Patchsite.commandLine(), args), run(Patchsite.commandLine(subcommand), args),
                    String.join(" ", args));
        }
        if (!subcommand.equals("help") && !subcommand.equals("generate-completion")) {
            assertEquals(List.of(subcommand), List.copyOf(Patchsite.commandLine(subcommand).getSubcommands().keySet()));
        }
    }

    /** Runs a command line, returning its exit code, standard output and standard error. */
    private static String run(CommandLine commandLine, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        commandLine.setOut(new java.io.PrintWriter(out)).setErr(new java.io.PrintWriter(err));
        int code = commandLine.execute(args);
        return code + "\n" + out + "\n" + err;
    }

    @Test
    void runningOutOfHeapInALinkingThreadIsReportedAsSuchNotAsABug() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine = Patchsite.commandLine().setErr(new java.io.PrintWriter(err));
        int code = Patchsite.handle(new java.util.concurrent.CompletionException(
                new OutOfMemoryError("Java heap space")), commandLine, null);
        long limit = Runtime.getRuntime().maxMemory() >> 20;
        assertEquals(ExitCode.OUT_OF_MEMORY.code(), code);
        assertEquals("error: out of memory: the Java heap's limit is " + limit + " MiB; run again with a larger one,"
                + " e.g. java -Xmx" + 2 * limit + "m -jar patchsite.jar ..." + System.lineSeparator(), err.toString());
    }

    @Test
    void helpListsTheSubcommandsAndTheExitCodes() {
        Cli.Result result = Cli.run("--help").assertClean(ExitCode.OK.code());
        List<String> lines = result.out().lines().toList();

        assertEquals("Usage: patchsite [-hV] [COMMAND]", lines.get(0));
        int commands = lines.indexOf("Commands:");
        assertTrue(commands > 0, result.out());
        List<String> listed = new ArrayList<>();
        for (String line : lines.subList(commands + 1, lines.size())) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                listed.add(line.trim().split(" +")[0]);
            }
        }
        assertEquals(subcommands(), listed, result.out());

        int exitCodes = lines.indexOf("Exit codes:");
        assertTrue(exitCodes > commands, result.out());
        // One entry per code: "  N    text", long texts continued on lines indented further.
        List<String> codes = lines.subList(exitCodes + 1, lines.size()).stream()
                .filter(l -> l.matches("  \\d+ +\\S.*")).map(l -> l.trim().split(" +")[0]).toList();
        assertEquals(Arrays.stream(ExitCode.values()).map(c -> String.valueOf(c.code())).toList(), codes,
                "exit codes in --help vs ExitCode:\n" + result.out());
        assertTrue(lines.contains("  70   internal error in patchsite (please report it)"), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  3    an input cannot be read or is invalid, or an")),
                result.out());
    }

    /** The subcommands of the command line, in the order {@code --help} lists them. */
    static List<String> subcommands() {
        return List.copyOf(Patchsite.commandLine().getSubcommands().keySet());
    }

    @Test
    void subcommandsIncludeTheDocumentedOnes() {
        assertTrue(subcommands().containsAll(DOCUMENTED), () -> "subcommands: " + subcommands());
        assertEquals("help", subcommands().get(subcommands().size() - 1), "help is listed last");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandHasHelp(String subcommand) {
        Cli.Result result = Cli.run(subcommand, "--help").assertClean(ExitCode.OK.code());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("Usage: patchsite " + subcommand + " ")),
                result.out());
        assertEquals(result.out(), Cli.run("help", subcommand).assertClean(ExitCode.OK.code()).out(),
                "help " + subcommand + " vs " + subcommand + " --help");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Cli.Result result = Cli.run().assertExit(ExitCode.USAGE.code());
        assertEquals("Missing required subcommand", result.errLines().get(0));
        assertEquals("", result.out());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Cli.Result result = Cli.run("link-everything").assertExit(ExitCode.USAGE.code());
        assertEquals("Unmatched argument at index 0: 'link-everything'", result.errLines().get(0));
        assertEquals("", result.out());
    }

    @Test
    void completionScriptCompletesTheSubcommandsAndTheirOptionValues() {
        Cli.Result result = Cli.run("generate-completion").assertClean(ExitCode.OK.code());
        String script = result.out();

        assertTrue(script.startsWith("#!/usr/bin/env bash\n"), script);
        assertTrue(script.contains("local commands=\"" + String.join(" ", subcommands()) + "\""), script);
        assertTrue(script.contains("function _picocli_patchsite_scan() {"), script);
        assertTrue(script.contains("function _picocli_patchsite_diff() {"), script);
        assertTrue(script.contains("local FORMAT_option_args=(\"text\" \"json\") # --format values"), script);
        assertTrue(script.contains("local FORMAT_option_args=(\"text\" \"markdown\" \"json\" \"github\" \"sarif\") # --format"
                + " values"), script);
        assertTrue(script.contains("(\"any\" \"added\" \"removed\" \"none\") # --fail-on values"), script);
        assertTrue(script.contains("complete -F _complete_patchsite -o default patchsite"), script);
    }

    @Test
    void completionScriptIsValidBash(@TempDir Path tmp) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash");
        Path script = Files.writeString(tmp.resolve("patchsite.bash"), Cli.run("generate-completion").out(),
                StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("/bin/bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n did not finish");
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.exitValue(), output);
    }

    @Test
    void completionIsListedInTheHelp() {
        // Patchsite.commandLine() un-hides generate-completion, which picocli hides by default.
        String help = Cli.run("--help").out();
        assertTrue(help.contains("\n  generate-completion  "), help);
        assertFalse(Patchsite.commandLine().getSubcommands().get("generate-completion").getCommandSpec()
                .usageMessage().hidden());
    }
}
