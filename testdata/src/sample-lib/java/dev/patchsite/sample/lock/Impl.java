package dev.patchsite.sample.lock;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Records which implementation of each function ran, so that the sample can print which one every call path
 * reached. Every implementation (the group's default bodies and every variant's) calls {@link #ran(String, String)}
 * first thing.
 *
 * <p>Two records, both thread-safe: the set of implementations seen per function, over all threads; and, for a
 * thread that asked for it with {@link #trace()}, the ordered list of what ran on that thread (what the sample
 * prints, so that other threads never make its output vary).
 */
public final class Impl {

    private static final ConcurrentMap<String, Set<String>> SEEN = new ConcurrentHashMap<>();

    private static final ThreadLocal<List<String[]>> TRACE = new ThreadLocal<>();

    private Impl() {
    }

    /**
     * Records that an implementation of a function ran.
     *
     * @param function the function's name, e.g. {@code slowpath}
     * @param implementation the variant's name, or {@code default} for the group's own body
     */
    public static void ran(String function, String implementation) {
        Set<String> seen = SEEN.get(function);
        if (seen == null) {
            seen = SEEN.computeIfAbsent(function, f -> new ConcurrentSkipListSet<>());
        }
        if (!seen.contains(implementation)) {
            seen.add(implementation);
        }
        List<String[]> trace = TRACE.get();
        if (trace != null) {
            trace.add(new String[] {function, implementation});
        }
    }

    /** Starts, or restarts with an empty trace, recording what runs on the calling thread. */
    public static void trace() {
        TRACE.set(new ArrayList<>());
    }

    /**
     * Returns and forgets the implementations of one function that ran on the calling thread since {@link #trace()}.
     *
     * @param function the function's name
     * @return the implementations in the order they ran, separated by commas (e.g. {@code paravirt,default}), or
     *     {@code none} if the function did not run
     * @throws IllegalStateException if the calling thread is not tracing
     */
    public static String take(String function) {
        List<String[]> trace = TRACE.get();
        if (trace == null) {
            throw new IllegalStateException("Impl.trace() was not called on " + Thread.currentThread().getName());
        }
        StringBuilder ran = new StringBuilder();
        for (Iterator<String[]> it = trace.iterator(); it.hasNext(); ) {
            String[] entry = it.next();
            if (entry[0].equals(function)) {
                ran.append(ran.length() == 0 ? "" : ",").append(entry[1]);
                it.remove();
            }
        }
        return ran.length() == 0 ? "none" : ran.toString();
    }

    /**
     * Returns the implementations seen on any thread, per function.
     *
     * @return {@code function=impl,impl ...}, functions and implementations sorted by name
     */
    public static String seen() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Set<String>> e : new TreeMap<>(SEEN).entrySet()) {
            out.append(out.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(String.join(",", e.getValue()));
        }
        return out.toString();
    }
}
