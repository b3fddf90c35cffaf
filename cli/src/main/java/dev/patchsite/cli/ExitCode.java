package dev.patchsite.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the {@code patchsite} command, each with the line {@code --help} shows for it; the README's table
 * of exit codes lists the same codes, each meaning beginning with the code's {@link #summary()}.
 */
public enum ExitCode {
    /** Success; for {@code diff}, no difference the policy fails on. */
    OK(0, "success", "; for diff, no difference the --fail-on policy fails on"),
    /** {@code diff}: a difference the {@code --fail-on} policy fails on. */
    DIFFERENCE(1, "diff found a difference the --fail-on policy fails on", ""),
    /**
     * The command line is wrong: unknown option, missing argument, bad value; {@code scan} or {@code diff} with an
     * {@code -o} that is an input; {@code link -o -}.
     */
    USAGE(2, "usage error", " (unknown option, missing or bad argument, -o naming an input of scan or diff)"),
    /**
     * An input cannot be read or is invalid: missing file, corrupt jar or entry, malformed class, bad table; or an
     * output cannot be written.
     */
    INPUT(3, "an input cannot be read or is invalid", ", or an output cannot be written"),
    /** The declarations break a rule; each problem is listed. */
    VALIDATION(4, "the declarations break a rule", " (each problem is listed)"),
    /**
     * {@code link}: the program cannot be linked as asked: a signed jar without {@code --strip-signatures}, an unknown
     * group or variant in {@code --select}, a group class too old to host a trampoline, an input linked in another
     * mode, an output that is an input, two inputs to one output.
     */
    LINK(5, "the program cannot be linked as asked", " (signed jar, unknown --select, class too old, an output that is"
            + " an input, two inputs to one output)"),
    /** The JVM ran out of heap: the message says how much it had; run with a larger {@code -Xmx}. */
    OUT_OF_MEMORY(6, "out of memory", ": run java with a larger -Xmx"),
    /** A bug in patchsite: the stack trace is printed; please report it. */
    INTERNAL(70, "internal error in patchsite", " (please report it)");

    private final int code;
    private final String summary;
    private final String detail;

    ExitCode(int code, String summary, String detail) {
        this.code = code;
        this.summary = summary;
        this.detail = detail;
    }

    /**
     * Returns the process's exit code.
     *
     * @return e.g. {@code 5}
     */
    public int code() {
        return code;
    }

    /**
     * Returns what the code means in a few words, as the README's table begins its meaning.
     *
     * @return e.g. {@code usage error}
     */
    public String summary() {
        return summary;
    }

    /**
     * Returns the one-line description {@code --help} shows: the summary and what it covers.
     *
     * @return e.g. {@code out of memory: run java with a larger -Xmx}
     */
    public String description() {
        return summary + detail;
    }

    /** Returns the list {@code --help} shows under "Exit codes:": each code and its description, in order. */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exitCode : values()) {
            list.put(String.valueOf(exitCode.code), exitCode.description());
        }
        return list;
    }
}
