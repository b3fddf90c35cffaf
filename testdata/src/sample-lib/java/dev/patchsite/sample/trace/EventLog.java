package dev.patchsite.sample.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The events recorded by the enabled tracepoints; thread-safe. Keeps the first {@value #KEPT} events and counts all. */
public final class EventLog {

    private static final int KEPT = 1000;

    private static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();

    private static final AtomicInteger COUNT = new AtomicInteger();

    private EventLog() {
    }

    /**
     * Records an event.
     *
     * @param event the event
     */
    public static void record(String event) {
        if (COUNT.getAndIncrement() < KEPT) {
            EVENTS.add(event);
        }
    }

    /**
     * Returns the number of events recorded.
     *
     * @return the count
     */
    public static int count() {
        return COUNT.get();
    }

    /**
     * Returns the first events recorded, oldest first.
     *
     * @return a copy of the kept events
     */
    public static List<String> events() {
        return new ArrayList<>(EVENTS);
    }
}
