package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one differential test and what each should have printed, checked together at the end so that a
 * failure lists every run that went wrong (a matrix of shapes, modes and selections fails in patterns), each by its
 * first differing line, with the whole of the first one.
 */
final class Outcomes {

    /** How many lines of a run's standard error the comparison keeps (a stack overflow prints a thousand). */
    private static final int ERR_LINES = 4;

    private final Map<String, String> expected = new LinkedHashMap<>();
    private final Map<String, String> actual = new LinkedHashMap<>();
    private final Map<String, ForkedJava.Result> runs = new LinkedHashMap<>();

    /**
     * Records a run that should exit 0 with this standard output and nothing on standard error.
     *
     * @param label names the run among the test's, e.g. {@code "lib:app, indy, SpinLock=numa"}
     * @param output the expected standard output
     * @param run what the run did
     */
    void expect(String label, String output, ForkedJava.Result run) {
        expect(label, output, "", run);
    }

    /**
     * Records a run that should exit 0 with this standard output and this standard error.
     *
     * @param label names the run among the test's
     * @param output the expected standard output
     * @param err the expected standard error (at most its first lines are compared)
     * @param run what the run did
     */
    void expect(String label, String output, String err, ForkedJava.Result run) {
        if (runs.put(label, run) != null) {
            throw new IllegalArgumentException("two runs labelled " + label);
        }
        expected.put(label, "exit 0\n" + output + stderr(err));
        actual.put(label, "exit " + run.exitCode() + "\n" + run.out() + stderr(run.err()));
    }

    /** Fails, listing every run whose exit code, output or standard error is not the expected, if there is one. */
    void assertAll() {
        StringBuilder message = new StringBuilder();
        String first = null;
        int wrong = 0;
        for (String label : expected.keySet()) {
            String want = expected.get(label);
            String got = actual.get(label);
            if (!want.equals(got)) {
                wrong++;
                message.append("\n  ").append(label).append(": ").append(firstDifference(want, got));
                if (first == null) {
                    first = "\nthe first of them: " + runs.get(label).command() + "\n--- expected:\n" + want
                            + "--- actual:\n" + got;
                }
            }
        }
        if (wrong > 0) {
            fail(wrong + " of " + expected.size() + " runs differ from the expected output:" + message + first);
        }
    }

    private static String stderr(String err) {
        if (err.isEmpty()) {
            return "";
        }
        List<String> lines = err.lines().toList();
        StringBuilder kept = new StringBuilder("--- stderr:\n");
        lines.stream().limit(ERR_LINES).forEach(line -> kept.append(line).append('\n'));
        if (lines.size() > ERR_LINES) {
            kept.append("... ").append(lines.size() - ERR_LINES).append(" more lines\n");
        }
        return kept.toString();
    }

    private static String firstDifference(String want, String got) {
        List<String> wantLines = want.lines().toList();
        List<String> gotLines = got.lines().toList();
        for (int i = 0; i < Math.max(wantLines.size(), gotLines.size()); i++) {
            String w = i < wantLines.size() ? wantLines.get(i) : "(end)";
            String g = i < gotLines.size() ? gotLines.get(i) : "(end)";
            if (!w.equals(g)) {
                return "line " + (i + 1) + ": expected \"" + w + "\" but was \"" + g + "\"";
            }
        }
        return "(differs in line ends)";
    }
}
