package dev.patchsite.linker.scan;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Runs one task per index on a fixed number of threads, each thread with its own state (buffers), handing out
 * indexes in small chunks. A failing task does not stop the others: when all are done, the failure of the lowest
 * index is thrown, so the error reported does not depend on thread timing. Whatever stops a worker outside a task
 * (its state cannot be made: out of memory) is thrown too, and a run in which any index was not run never returns
 * normally: a scan that lost classes must not look like a scan of a program without them.
 */
public final class Parallel {

    private static final int CHUNK = 16;

    private Parallel() {
    }

    /** A task over one index, with its thread's state. */
    @FunctionalInterface
    public interface Task<S> {
        /**
         * Runs the task for one index.
         *
         * @param state the thread's own state
         * @param index the index
         * @throws Exception if the task fails
         */
        void run(S state, int index) throws Exception;
    }

    /**
     * Runs {@code task} for every index in {@code [0, count)}.
     *
     * @param count how many indexes
     * @param threads how many threads at most
     * @param state makes each thread's own state
     * @param task the task
     * @param <S> the type of a thread's state
     * @throws Exception the failure of the lowest failing index, if any
     */
    public static <S> void forEach(int count, int threads, Supplier<S> state, Task<S> task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(count);
        AtomicReference<Throwable> stopped = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                S own = state.get();
                for (int start = next.getAndAdd(CHUNK); start < count; start = next.getAndAdd(CHUNK)) {
                    for (int i = start; i < Math.min(start + CHUNK, count); i++) {
                        try {
                            task.run(own, i);
                        } catch (Throwable e) {
                            failures.set(i, e);
                        }
                        ran.incrementAndGet();
                    }
                }
            } catch (Throwable e) {
                stopped.compareAndSet(null, e);
            }
        };
        int workers = Math.max(1, Math.min(threads, (count + CHUNK - 1) / CHUNK));
        if (workers == 1) {
            worker.run();
        } else {
            Thread[] pool = new Thread[workers];
            for (int t = 0; t < workers; t++) {
                pool[t] = new Thread(worker, "patchsite-scan-" + t);
                pool[t].setDaemon(true);
                pool[t].start();
            }
            for (Thread thread : pool) {
                thread.join();
            }
        }
        for (int i = 0; i < count; i++) {
            Throwable failure = failures.get(i);
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
        Throwable failure = stopped.get();
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (ran.get() != count) {
            throw new IllegalStateException("only " + ran.get() + " of " + count + " tasks ran");
        }
    }
}
