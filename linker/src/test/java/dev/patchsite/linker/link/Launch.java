package dev.patchsite.linker.link;

import dev.patchsite.linker.table.LinkMode;
import java.nio.file.Path;
import java.util.List;

/**
 * How the tests of many artifacts start a linked program: which link mode its jars were linked in, and whether the
 * boot agent runs ({@code -javaagent:} the runtime jar; a program of several jars on a class path has no
 * {@code Launcher-Agent-Class} to start it).
 */
enum Launch {

    /** Linked in boot mode, started with {@code -javaagent}: the agent patches each site as its class loads. */
    AGENT("boot, agent", LinkMode.BOOT),
    /** Linked in boot mode, started without the agent: every call goes through its trampoline. */
    NO_AGENT("boot, no agent", LinkMode.BOOT),
    /** Linked in indy mode: each site binds at its first execution. */
    INDY("indy", LinkMode.INDY),
    /** Linked in static mode with one {@code --select}: no runtime at all. */
    STATIC("static", LinkMode.STATIC);

    /** The launches that need the runtime at run time, in the order the tests run them. */
    static final List<Launch> RUNTIME = List.of(AGENT, NO_AGENT, INDY);

    private final String label;
    private final LinkMode mode;

    Launch(String label, LinkMode mode) {
        this.label = label;
        this.mode = mode;
    }

    /** Returns the mode the program's jars were linked in. */
    LinkMode mode() {
        return mode;
    }

    /**
     * Returns the JVM options this launch adds.
     *
     * @param agent the runtime's agent jar ({@link LinkTestFiles#agentJar})
     * @return {@code -javaagent:AGENT} for {@link #AGENT}, else nothing
     */
    List<String> options(Path agent) {
        return this == AGENT ? List.of("-javaagent:" + agent) : List.of();
    }

    @Override
    public String toString() {
        return label;
    }
}
