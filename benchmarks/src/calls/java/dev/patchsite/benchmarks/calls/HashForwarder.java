package dev.patchsite.benchmarks.calls;

/**
 * The floor of any trampoline: a static method, in a class of its own, whose body only calls the implementation. Not
 * a function, so the linker leaves it as it is. {@link CallBench#forwarder} against {@link CallBench#direct} is what one
 * more frame costs by itself, without the trampoline's test of its constant: no trampoline can cost less than this
 * without the agent, which patches the site to call the implementation directly.
 */
final class HashForwarder {

    private HashForwarder() {
    }

    /**
     * Calls {@link HashStafford#mix}, and does nothing else.
     *
     * @param x the value
     * @return its mix
     */
    static long mix(long x) {
        return HashStafford.mix(x);
    }
}
