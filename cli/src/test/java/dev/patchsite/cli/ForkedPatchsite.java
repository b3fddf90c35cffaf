package dev.patchsite.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the {@code patchsite} command in a JVM of its own: the main class of {@code patchsite.jar} on the test class
 * path (the test phase runs before the jar is packaged), for what an in-process run cannot show: a process killed
 * mid-run, or one without the root's right to read and write every file.
 */
final class ForkedPatchsite {

    /**
     * Drops the capabilities that let root read and write any file, so that file modes apply as to any user: the
     * tests run as root in CI.
     */
    private static final List<String> AS_A_USER = List.of("setpriv", "--bounding-set",
            "-dac_override,-dac_read_search");

    private ForkedPatchsite() {
    }

    /**
     * Returns the command line that runs {@code patchsite} with these arguments.
     *
     * @param args the arguments after {@code patchsite}
     * @return the command
     */
    static List<String> command(Object... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Patchsite.class.getName()));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        return command;
    }

    /**
     * Returns the command line that runs {@code patchsite} subject to file modes, as root too; empty if this machine
     * cannot drop root's rights (no {@code setpriv}).
     *
     * @param args the arguments after {@code patchsite}
     * @return the command, or an empty list
     */
    static List<String> commandAsAUser(Object... args) {
        if (!isRoot()) {
            return command(args);
        }
        if (!Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            return List.of();
        }
        List<String> command = new ArrayList<>(AS_A_USER);
        command.add("--");
        command.addAll(command(args));
        return command;
    }

    /**
     * Starts a command with a clean Java environment, standard error merged into standard output, which goes to a file.
     *
     * @param command the command
     * @param log where its output goes
     * @return the process
     * @throws IOException if it cannot be started
     */
    static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        return builder.start();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
