package dev.patchsite.linker.explain;

import dev.patchsite.linker.InputException;
import dev.patchsite.runtime.GroupInfo;
import dev.patchsite.runtime.Selector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Evaluates the probes of a program's groups in a child JVM ({@link ProbeMain}): the same {@code java} as this one,
 * the linker's classes on its class path, the program's in a loader of their own, as its launcher lays them out
 * ({@link ProbeClassPath}). Each probe has a time limit: one
 * that does not answer in time is reported as such and the child is killed (with anything it started); one that ends
 * the child's JVM ({@code System.exit}) is reported with the exit code. Either way the groups after it are evaluated
 * in a new child.
 */
final class ProbeProcess {

    /** How long the child may take to start and to do what runs no program code. */
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** What is kept of the child's standard error (the probes' output), for a child that fails to start. */
    private static final int ERROR_TAIL = 2048;
    private static final String EOF = "\u0000eof";
    /** The longest line read from the child; the rest of a longer one is dropped. */
    private static final int MAX_LINE = 65536;

    private final List<Path> classPath;
    private final Duration timeout;
    private final String nonce;

    private ProbeProcess(List<Path> classPath, Duration timeout) {
        this.classPath = classPath;
        this.timeout = timeout;
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        this.nonce = HexFormat.of().formatHex(random);
    }

    /**
     * Selects a variant of each group as the runtime would at boot, running the probes in child JVMs.
     *
     * @param classPath the program's jars and directories; a Spring Boot or web archive's class directory and nested
     *     jars are put on the child's class path as its launcher puts them ({@link ProbeClassPath})
     * @param groups the groups, each with its override (null if none)
     * @param timeout how long each probe may run
     * @return the outcome of each group, by name
     * @throws InputException if no child JVM can be started, or an archive's classes cannot be copied for it
     */
    static Map<String, ProbeOutcome> evaluate(List<Path> classPath, Map<GroupInfo, String> groups,
            Duration timeout) throws InputException {
        try (ProbeClassPath launched = ProbeClassPath.of(classPath)) {
            ProbeProcess process = new ProbeProcess(launched.paths(), timeout);
            Map<String, ProbeOutcome> outcomes = new LinkedHashMap<>();
            List<Map.Entry<GroupInfo, String>> remaining = new ArrayList<>(groups.entrySet());
            while (!remaining.isEmpty()) {
                int before = outcomes.size();
                process.run(remaining, outcomes);
                if (outcomes.size() == before) {
                    throw new InputException("cannot evaluate the probes: the JVM started for them answered nothing");
                }
                remaining = remaining.subList(outcomes.size() - before, remaining.size());
            }
            return outcomes;
        }
    }

    /** Runs one child for the groups, adding an outcome per group it got to; stops at the first that fails. */
    private void run(List<Map.Entry<GroupInfo, String>> groups, Map<String, ProbeOutcome> outcomes)
            throws InputException {
        Process child = start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder errors = new StringBuilder();
        Thread reader = drain(child.getInputStream(), lines::add, "out");
        Thread errorReader = drain(child.getErrorStream(), line -> keepTail(errors, line), "err");
        try {
            send(child, groups);
            read(child, lines, errors, outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while the probes ran", e);
        } finally {
            kill(child);
            reader.interrupt();
            errorReader.interrupt();
        }
    }

    private Process start() throws InputException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The -D options this JVM was given: a probe may read a property, as it would in the program's JVM.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(arg -> arg.startsWith("-D"))
                .forEach(command::add);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, linkerClassPath()));
        command.add(ProbeMain.class.getName());
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new InputException("cannot start a JVM to evaluate the probes (" + command.get(0) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Returns where this JVM has {@link ProbeMain} and the runtime's {@link Selector}: one jar, or two folders. */
    private static Set<String> linkerClassPath() throws InputException {
        Set<String> paths = new LinkedHashSet<>();
        for (Class<?> type : List.of(ProbeMain.class, Selector.class)) {
            try {
                paths.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | RuntimeException e) {
                throw new InputException("cannot find the classes of " + type.getName() + " to evaluate the probes: "
                        + e.getMessage(), e);
            }
        }
        return paths;
    }

    private void send(Process child, List<Map.Entry<GroupInfo, String>> groups) {
        try (Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write(nonce + "\n");
            for (Path path : classPath) {
                in.write(ProbeProtocol.PATH + "\t" + path.toAbsolutePath() + "\n");
            }
            for (Map.Entry<GroupInfo, String> group : groups) {
                String description = group.getKey().format();
                String override = group.getValue() == null ? ProbeProtocol.NONE
                        : ProbeProtocol.oneLine(group.getValue());
                in.write(ProbeProtocol.GROUP + "\t" + group.getKey().name() + "\t" + override + "\t"
                        + description.lines().count() + "\n" + description);
            }
            in.write(ProbeProtocol.END + "\n");
        } catch (IOException e) {
            // The child ended before reading all: what it answered, and how it ended, tell why.
        }
    }

    /** Reads the child's answers into outcomes until it is done, fails or a probe runs out of time. */
    private void read(Process child, BlockingQueue<String> lines, StringBuilder errors,
            Map<String, ProbeOutcome> outcomes) throws InterruptedException {
        String group = null;
        String probe = null;
        List<String> probes = new ArrayList<>();
        while (true) {
            Duration wait = probe == null ? STARTUP.plus(timeout) : timeout;
            String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || line.equals(EOF)) {
                if (group != null) {
                    outcomes.put(group, ProbeOutcome.failed(line == null
                            ? (probe == null ? "the probes" : "probe " + probe) + " did not answer in "
                                    + seconds(wait) + " s"
                            : ended(child, probe, errors)));
                }
                return;
            }
            String[] fields = line.split("\t", -1);
            if (!fields[0].equals(nonce) || fields.length < 2) {
                continue; // what a probe wrote to the answers' file descriptor
            }
            switch (fields[1]) {
                case ProbeProtocol.GROUP -> {
                    group = fields[2];
                    probe = null;
                    probes = new ArrayList<>();
                }
                case ProbeProtocol.START -> probe = fields[2];
                case ProbeProtocol.PROBE -> probes.add(fields[2]);
                case ProbeProtocol.SELECTED -> {
                    outcomes.put(group, new ProbeOutcome(probes, fields[2], fields[3], null));
                    group = null;
                    probe = null;
                }
                case ProbeProtocol.UNKNOWN -> {
                    outcomes.put(group, ProbeOutcome.failed(fields[2]));
                    group = null;
                }
                case ProbeProtocol.DONE -> {
                    return;
                }
                default -> {
                    // An answer this version does not know: ignored.
                }
            }
        }
    }

    /** Says how the child ended while a probe ran, e.g. by {@code System.exit} in the probe. */
    private static String ended(Process child, String probe, StringBuilder errors) throws InterruptedException {
        boolean exited = child.waitFor(5, TimeUnit.SECONDS);
        String code = exited ? "exit code " + child.exitValue() : "its output closed";
        if (probe != null) {
            return "probe " + probe + " ended the JVM (" + code + ")";
        }
        String last;
        synchronized (errors) {
            last = errors.toString().strip().lines().reduce((a, b) -> b).orElse("");
        }
        return "the JVM evaluating the probes ended (" + code + ")" + (last.isEmpty() ? "" : ": " + last);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static void kill(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void keepTail(StringBuilder errors, String line) {
        if (line.equals(EOF)) {
            return;
        }
        synchronized (errors) {
            errors.append(line).append('\n');
            if (errors.length() > ERROR_TAIL) {
                errors.delete(0, errors.length() - ERROR_TAIL);
            }
        }
    }

    /**
     * Reads a stream's lines on a daemon thread, each cut to {@value #MAX_LINE} characters (a probe may write without
     * end); {@link #EOF} after the last.
     */
    private static Thread drain(InputStream stream, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (Reader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                StringBuilder line = new StringBuilder();
                for (int c = in.read(); c >= 0; c = in.read()) {
                    if (c == '\n') {
                        sink.accept(line.toString());
                        line.setLength(0);
                    } else if (line.length() < MAX_LINE) {
                        line.append((char) c);
                    }
                }
                if (line.length() > 0) {
                    sink.accept(line.toString());
                }
            } catch (IOException e) {
                // The child was killed: its streams close.
            }
            sink.accept(EOF);
        }, "patchsite-probes-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
