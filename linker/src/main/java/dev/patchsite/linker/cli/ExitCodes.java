package dev.patchsite.linker.cli;

/** The exit codes of the {@code patchsite} command, documented in the README and in {@code --help}. */
public final class ExitCodes {

    /** Success; for {@code diff}, no difference the policy fails on. */
    public static final int OK = 0;
    /** {@code diff}: a difference the {@code --fail-on} policy fails on. */
    public static final int DIFFERENCE = 1;
    /**
     * The command line is wrong: unknown option, missing argument, bad value; {@code scan} or {@code diff} with an
     * {@code -o} that is an input; {@code link -o -}.
     */
    public static final int USAGE = 2;
    /**
     * An input cannot be read or is invalid: missing file, corrupt jar or entry, malformed class, bad table; or an
     * output cannot be written.
     */
    public static final int INPUT = 3;
    /** The declarations break a rule; each problem is listed. */
    public static final int VALIDATION = 4;
    /**
     * {@code link}: the program cannot be linked as asked: a signed jar without {@code --strip-signatures}, an unknown
     * group or variant in {@code --select}, a group class too old to host a trampoline, an input linked in another
     * mode, an output that is an input, two inputs to one output.
     */
    public static final int LINK = 5;
    /** The JVM ran out of heap: the message says how much it had; run with a larger {@code -Xmx}. */
    public static final int OUT_OF_MEMORY = 6;
    /** A bug in patchsite: the stack trace is printed; please report it. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
