package startup;

/**
 * The start-up program of {@code benchmarks/startup-bench.sh}: prints {@code System.nanoTime()} (the monotonic
 * clock the harness that started this JVM reads too) at the start of {@code main}, after the first call of each
 * group, and after calling every class of {@code startup.work} once (each calls both groups), then which
 * implementation ran. Built by the script with {@code WORK} classes generated beside it.
 */
public final class Main {

    static int hits;

    private Main() {
    }

    /**
     * Runs the program.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        long main = System.nanoTime();
        int x = Locks.spin(0);
        long locks = System.nanoTime();
        Trace.hit(x);
        long trace = System.nanoTime();
        int work = startup.work.All.run(1);
        long done = System.nanoTime();
        // No string concatenation: javac would compile it to an invokedynamic, and start java.lang.invoke here.
        StringBuilder out = new StringBuilder();
        out.append("main=").append(main).append(" Locks=").append(locks).append(" Trace=").append(trace)
                .append(" work=").append(done).append(" spin=").append(x).append(" result=").append(work)
                .append(" hits=").append(hits);
        System.out.println(out);
    }
}
