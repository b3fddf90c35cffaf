package dev.patchsite.sample.lock;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small queued spin lock: one state word holding the {@code LOCKED} bit and the number of queued waiters, and a
 * ticket queue that orders waiters in the default slow path. It is not the kernel's qspinlock, only enough of one for
 * the algorithms in {@link SpinLock} and its variants to differ.
 *
 * <p>The lock holds state only; every algorithm lives in {@link SpinLock} (the fast path and the default functions)
 * and in the variants. All of them keep one protocol: a thread that cannot take the lock at once registers as a
 * waiter ({@link #enqueue()}) before it waits, so that an unlock can tell it was contended.
 */
public final class QLock {

    /** The bit of the state word that is set while the lock is held. */
    static final int LOCKED = 1;

    /** What each queued waiter adds to the state word. */
    static final int WAITER = 2;

    final AtomicInteger state = new AtomicInteger();

    /** The next ticket of the default slow path's queue. */
    final AtomicInteger nextTicket = new AtomicInteger();

    /** The ticket of the waiter at the head of the default slow path's queue. */
    final AtomicInteger nowServing = new AtomicInteger();

    /** Threads halted in the paravirt slow path, waiting for the holder's kick. */
    final Queue<Thread> halted = new ConcurrentLinkedQueue<>();

    private final String name;

    /**
     * Creates an unlocked lock.
     *
     * @param name the lock's name, used in trace events
     */
    public QLock(String name) {
        this.name = name;
    }

    /**
     * Returns the lock's name.
     *
     * @return the name given at construction
     */
    public String name() {
        return name;
    }

    /**
     * Returns the state word: the {@code LOCKED} bit plus two per queued waiter. This is the value a caller passes to
     * {@link SpinLock#slowpath(QLock, int)}.
     *
     * @return the state word
     */
    public int value() {
        return state.get();
    }

    /**
     * Returns whether the lock is held.
     *
     * @return true if the lock is held
     */
    public boolean isLocked() {
        return (state.get() & LOCKED) != 0;
    }

    /**
     * Returns the number of threads queued for the lock.
     *
     * @return the number of waiters
     */
    public int waiters() {
        return state.get() >>> 1;
    }

    /** Takes the lock if it is free and nobody waits for it: the fast path. */
    boolean tryLock() {
        return state.compareAndSet(0, LOCKED);
    }

    /** Registers the calling thread as a waiter. */
    void enqueue() {
        state.addAndGet(WAITER);
    }

    /** A registered waiter takes the lock and leaves the waiters in one step; false if the lock is held. */
    boolean tryLockQueued() {
        int s = state.get();
        return (s & LOCKED) == 0 && state.compareAndSet(s, (s - WAITER) | LOCKED);
    }

    /**
     * Releases the lock.
     *
     * @return the number of waiters at the moment of the release
     * @throws IllegalStateException if the lock is not held
     */
    int release() {
        for (;;) {
            int s = state.get();
            if ((s & LOCKED) == 0) {
                throw new IllegalStateException("unlock of QLock " + name + " that is not locked");
            }
            if (state.compareAndSet(s, s & ~LOCKED)) {
                return s >>> 1;
            }
        }
    }

    @Override
    public String toString() {
        return "QLock[" + name + "]";
    }
}
