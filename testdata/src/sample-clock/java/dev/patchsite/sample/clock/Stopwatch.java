package dev.patchsite.sample.clock;

/**
 * Calls {@code System.nanoTime()}, a function only by declaration: twice in {@link #time(Runnable)}, once in
 * {@link #start()}.
 *
 * <p>{@link #main(String[])} prints {@code stopwatch clock: system} unlinked and {@code stopwatch clock: coarse} when
 * linked with clock.decl and sample-clock.jar (the three readings are then whole milliseconds; with the system clock
 * that happens about once in 10^18 runs).
 */
public final class Stopwatch {

    private long started;

    /** Creates a stopwatch that has not been started. */
    public Stopwatch() {
    }

    /** Starts the stopwatch. */
    public void start() {
        started = System.nanoTime(); // site: System.nanoTime invoke
    }

    /**
     * Returns the time at which the stopwatch was started.
     *
     * @return the {@code nanoTime} reading taken by {@link #start()}
     */
    public long started() {
        return started;
    }

    /**
     * Runs a task and returns the two clock readings around it.
     *
     * @param task the task
     * @return the readings before and after
     */
    public static long[] time(Runnable task) {
        long before = System.nanoTime(); // site: System.nanoTime invoke
        task.run();
        long after = System.nanoTime(); // site: System.nanoTime invoke
        return new long[] {before, after};
    }

    /**
     * Prints which clock the readings came from.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Stopwatch watch = new Stopwatch();
        watch.start();
        long[] readings = time(() -> { });
        boolean coarse = watch.started() % 1_000_000L == 0
                && readings[0] % 1_000_000L == 0
                && readings[1] % 1_000_000L == 0;
        System.out.println("stopwatch clock: " + (coarse ? "coarse" : "system"));
    }
}
