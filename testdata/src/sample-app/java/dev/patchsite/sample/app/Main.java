package dev.patchsite.sample.app;

import dev.patchsite.sample.lock.Impl;
import dev.patchsite.sample.lock.QLock;
import dev.patchsite.sample.lock.SpinLock;
import dev.patchsite.sample.trace.EventLog;
import java.io.PrintStream;

/**
 * The sample program: calls the spin lock's functions and the tracepoint along every kind of call path and prints,
 * one line per path and function, which implementation ran.
 *
 * <p>Output contract: stdout is fully deterministic for a given selection (no timings, nothing that depends on thread
 * scheduling), so that the unlinked program and the same program linked in every mode can be compared line by line.
 * Unlinked, every line says {@code default} (or {@code none}, for a function that a path does not call): the program
 * never consults a probe or calls a variant except through the functions. The multi-release clock line names the
 * release of the {@code Clock} class that ran (8 on Java 8 to 10, 11 on Java 11 and later).
 */
public final class Main {

    static final int THREADS = 4;
    static final int ITERATIONS = 20_000;

    private static final PrintStream OUT = System.out;

    private Main() {
    }

    /**
     * Runs the sample.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting for a thread
     */
    public static void main(String[] args) throws InterruptedException {
        OUT.println("patchsite sample");
        QLock lock = new QLock("sample");

        direct(lock);

        Impl.trace();
        Refs.SLOWPATH.accept(lock, lock.value());
        show("method-ref", "slowpath");
        Refs.unlock().accept(lock);
        show("method-ref", "unlock");
        Refs.contendedRelease().accept(lock);
        show("method-ref", "contendedRelease");

        Impl.trace();
        Lambdas.acquire(lock).run();
        show("lambda", "slowpath");
        Lambdas.release().accept(lock);
        show("lambda", "unlock");

        SpinLock.lock(lock);
        Impl.trace();
        Guard.release(lock);
        show("interface", "unlock");
        show("interface", "contendedRelease");

        superCall(lock);

        for (String line : Handoff.run(new QLock("handoff"))) {
            OUT.println(line);
        }
        OUT.println("trace events = " + EventLog.count());

        Impl.trace();
        Clock.tick(lock);
        show("multi-release clock (release " + Clock.release() + ")", "slowpath");
        show("multi-release clock (release " + Clock.release() + ")", "unlock");

        OUT.println("counter = " + Worker.stress(THREADS, ITERATIONS));
        OUT.println("seen: " + Impl.seen());
    }

    /** Direct static calls. */
    static void direct(QLock lock) {
        Impl.trace();
        SpinLock.slowpath(lock, lock.value()); // site: SpinLock.slowpath invoke
        show("direct", "slowpath");
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke
        show("direct", "unlock");
    }

    /**
     * The unlock that, with the paravirt variant selected, runs {@code ParavirtSpinLock.unlock}, whose super-call runs
     * the default: {@code paravirt,default}. Unlinked, or with another variant, just {@code default}.
     */
    static void superCall(QLock lock) {
        SpinLock.lock(lock);
        Impl.trace();
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke
        OUT.println("paravirt unlock super-call -> " + Impl.take("unlock"));
    }

    /** Prints which implementations of a function ran on this thread since the last {@code Impl.trace()}. */
    static void show(String path, String function) {
        OUT.println(path + " " + function + " -> " + Impl.take(function));
    }
}
