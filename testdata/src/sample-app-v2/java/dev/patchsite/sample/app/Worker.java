package dev.patchsite.sample.app;

import dev.patchsite.sample.lock.QLock;
import dev.patchsite.sample.lock.SpinLock;

/**
 * The stress: several threads increment a shared counter under one lock. Only the final count is printed, which is
 * the same however the threads were scheduled.
 *
 * <p>This is version 2 of the sample; it differs from version 1 (src/sample-app) in this class only, by exactly one site
 * removed and one added: the unlock in {@code run()} moves into a new method {@code release(QLock)}. Site removed:
 * {@code Worker.run()V}, {@code SpinLock.unlock} #0. Site added: {@code Worker.release(Ldev/patchsite/sample/lock/QLock;)V},
 * {@code SpinLock.unlock} #0. Behaviour and output are unchanged.
 */
final class Worker implements Runnable {

    private final QLock lock;
    private final int iterations;
    private final int[] counter;

    private Worker(QLock lock, int iterations, int[] counter) {
        this.lock = lock;
        this.iterations = iterations;
        this.counter = counter;
    }

    /** Returns the counter after {@code threads} threads each incremented it {@code iterations} times. */
    static int stress(int threads, int iterations) throws InterruptedException {
        QLock lock = new QLock("stress");
        int[] counter = new int[1];
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(new Worker(lock, iterations, counter), "worker-" + i);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        SpinLock.lock(lock);
        int total = counter[0];
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke
        return total;
    }

    @Override
    public void run() {
        for (int i = 0; i < iterations; i++) {
            SpinLock.lock(lock);
            counter[0]++;
            release(lock); // v2: was SpinLock.unlock(lock), a site (Worker.run()V, SpinLock.unlock #0), removed
        }
    }

    /** v2: new method, holding the site added in version 2. */
    static void release(QLock lock) {
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke
    }
}
