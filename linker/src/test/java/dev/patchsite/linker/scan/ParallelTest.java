package dev.patchsite.linker.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * {@link Parallel} runs every index once, throws the lowest index's failure, and never returns normally when a
 * worker stopped outside a task: an out-of-memory error while making a thread's buffers once let a scan return an
 * empty table with exit 0.
 */
class ParallelTest {

    @Test
    void runsEveryIndexOnce() throws Exception {
        AtomicLongArray runs = new AtomicLongArray(1000);
        Parallel.forEach(1000, 4, Object::new, (state, i) -> runs.incrementAndGet(i));
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }

    @Test
    void throwsTheLowestIndexsFailure() {
        IOException e = assertThrows(IOException.class, () -> Parallel.forEach(500, 3, Object::new, (state, i) -> {
            if (i % 100 == 37) {
                throw new IOException("index " + i);
            }
        }));
        assertEquals("index 37", e.getMessage());
    }

    @Test
    void aWorkerWhoseStateCannotBeMadeFailsTheRun() {
        OutOfMemoryError thrown = new OutOfMemoryError("Java heap space");
        AtomicInteger made = new AtomicInteger();
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> Parallel.forEach(500, 3, () -> {
            if (made.getAndIncrement() == 1) {
                throw thrown;
            }
            return new Object();
        }, (state, i) -> {
        }));
        assertSame(thrown, e);
    }

    @Test
    void anErrorInATaskFailsTheRun() {
        assertThrows(OutOfMemoryError.class, () -> Parallel.forEach(40, 1, Object::new, (state, i) -> {
            if (i == 20) {
                throw new OutOfMemoryError("Java heap space");
            }
        }));
    }
}
