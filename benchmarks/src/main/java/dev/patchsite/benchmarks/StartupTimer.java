package dev.patchsite.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times the start-up of the program of {@code startup-bench.sh} ({@code startup.Main}) under several commands,
 * interleaved: each round runs every command once, in turn. The program prints {@code System.nanoTime()} at points of
 * its start-up; on Linux that is the monotonic clock of the whole machine, so the difference with this process's
 * {@code System.nanoTime()} just before it started the child is the child's time to that point, JVM start-up included.
 *
 * <pre>
 * java -cp benchmarks.jar dev.patchsite.benchmarks.StartupTimer COMMANDS RUNS WARMUP
 * </pre>
 *
 * COMMANDS is a file of lines {@code NAME EXPECT ARG...} (separated by tabs): the name of a run, a text its output
 * must hold (which implementation ran), and the command. Prints, per command, the median over RUNS rounds (after
 * WARMUP untimed ones) of the time to {@code main}, to the first call of each group, to the end of the program's work
 * and to the process's exit, in milliseconds, with the spread (min to max) of the time to {@code main}; and, if the
 * command prints a line {@code cpu=USER+SYS} (in seconds, as bash's {@code time} with {@code TIMEFORMAT} does), the
 * median processor time of the process, all its threads: on a loaded machine the wall times include the waits for a
 * processor, the processor time does not. Exits with 1 if a run fails or does not print EXPECT.
 */
public final class StartupTimer {

    private static final List<String> POINTS = List.of("main", "Locks", "Trace", "work");

    private StartupTimer() {
    }

    /**
     * Runs the timer.
     *
     * @param args the commands file, the number of rounds, the number of warm-up rounds
     * @throws Exception if a child cannot be started or read
     */
    public static void main(String[] args) throws Exception {
        Map<String, String[]> commands = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            commands.put(fields[0], Arrays.copyOfRange(fields, 2, fields.length));
            expected.put(fields[0], fields[1]);
        }
        int runs = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        commands.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int round = 0; round < warmup + runs; round++) {
            for (Map.Entry<String, String[]> command : commands.entrySet()) {
                double[] run = run(command.getKey(), command.getValue(), expected.get(command.getKey()));
                if (round >= warmup) {
                    times.get(command.getKey()).add(run);
                }
            }
        }
        System.out.printf("%-20s %9s %9s %9s %9s %9s %9s   %s%n", "run (median ms)", "to main", "Locks", "Trace",
                "work", "exit", "cpu", "to main: min..max");
        for (Map.Entry<String, List<double[]>> entry : times.entrySet()) {
            List<double[]> all = entry.getValue();
            double[] medians = new double[POINTS.size() + 2];
            for (int i = 0; i < medians.length; i++) {
                medians[i] = median(all, i);
            }
            double min = all.stream().mapToDouble(t -> t[0]).min().orElse(0);
            double max = all.stream().mapToDouble(t -> t[0]).max().orElse(0);
            System.out.printf("%-20s %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f   %.1f..%.1f%n", entry.getKey(), medians[0],
                    medians[1], medians[2], medians[3], medians[4], medians[5], min, max);
        }
    }

    /** Runs a command once; returns its times to each point and to its exit, in ms. */
    private static double[] run(String name, String[] command, String expect) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        int exit = process.waitFor();
        long end = System.nanoTime();
        String result = lines.stream().filter(line -> line.startsWith("main=")).findFirst().orElse(null);
        if (exit != 0 || result == null || !result.contains(expect)) {
            System.err.println(name + ": exit " + exit + ", expected '" + expect + "' in:");
            lines.forEach(System.err::println);
            System.exit(1);
        }
        double[] times = new double[POINTS.size() + 2];
        for (String field : result.split(" ")) {
            int equals = field.indexOf('=');
            int point = POINTS.indexOf(field.substring(0, equals));
            if (point >= 0) {
                times[point] = (Long.parseLong(field.substring(equals + 1)) - start) / 1e6;
            }
        }
        times[POINTS.size()] = (end - start) / 1e6;
        for (String line : lines) {
            if (line.startsWith("cpu=")) {
                String[] parts = line.substring("cpu=".length()).split("\\+");
                times[POINTS.size() + 1] = (Double.parseDouble(parts[0]) + Double.parseDouble(parts[1])) * 1e3;
            }
        }
        return times;
    }

    private static double median(List<double[]> runs, int index) {
        double[] values = runs.stream().mapToDouble(t -> t[index]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
