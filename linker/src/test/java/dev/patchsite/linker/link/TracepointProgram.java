package dev.patchsite.linker.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracepoint program the tests of patched-out calls share: an interface {@code po.Trace} of two updatable
 * functions with empty defaults, one whose arguments fit the patch-out ({@code hit(int, Object)}: {@code pop2 nop
 * nop}) and one whose arguments do not ({@code wide(long, long, long, int)}: four pops), a variant {@code on} that
 * records an event per call, and the classes that call them. Its main classes: {@link #UPDATES} switches the
 * tracepoint on and off while threads call it; {@link #FIRE} calls it as linked (what a static program can do);
 * {@link #LOOP} updates it while a thread loops in the method that holds a site.
 */
final class TracepointProgram {

    /** Threads call the tracepoint while it is switched on and off; classes load late, while on and while off. */
    static final String UPDATES = "po.Main";
    /**
     * Calls {@code Sites.fire} and {@code Counter.count} 1,000 times each and a class loaded late once; prints the
     * events recorded.
     */
    static final String FIRE = "po.Fire";
    /** A thread loops in {@code po.Loop.spin}, which calls {@code Trace.hit}, while the tracepoint is updated. */
    static final String LOOP = "po.Loop";

    private TracepointProgram() {
    }

    /**
     * Compiles the program (once per directory) and writes its jar with a main class.
     *
     * @param dir a temporary directory
     * @param mainClass one of this class's main classes
     * @return the jar, {@code po-MAIN.jar} in the directory
     */
    static Path jar(Path dir, String mainClass) throws IOException {
        Path root = dir.resolve("tracepoint-program");
        Path classes = root.resolve("classes");
        if (!Files.isDirectory(classes)) {
            classes = LinkTestFiles.compile(root, sources());
        }
        return LinkTestFiles.jar(classes, dir.resolve("po-" + mainClass.substring(3) + ".jar"), mainClass);
    }

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("po.Trace", """
                package po;

                public interface Trace {
                    /** Fits the patch-out: two one-slot arguments, one pop2. */
                    @dev.patchsite.RuntimeStatic(updatable = true)
                    static void hit(int id, Object payload) {
                    }

                    /** Does not fit: pop, then pop2 three times. */
                    @dev.patchsite.RuntimeStatic(updatable = true)
                    static void wide(long a, long b, long c, int d) {
                    }
                }
                """);
        sources.put("po.TraceOn", """
                package po;

                @dev.patchsite.Variant(of = Trace.class, name = "on")
                public final class TraceOn {
                    public static void hit(int id, Object payload) {
                        Events.record();
                    }

                    public static void wide(long a, long b, long c, int d) {
                        Events.record();
                    }
                }
                """);
        sources.put("po.Events", """
                package po;

                /** The events recorded on the calling thread. */
                public final class Events {
                    private static final ThreadLocal<long[]> MINE = ThreadLocal.withInitial(() -> new long[1]);

                    public static void record() {
                        MINE.get()[0]++;
                    }

                    public static long mine() {
                        return MINE.get()[0];
                    }
                }
                """);
        sources.put("po.Sites", """
                package po;

                public final class Sites {
                    static void fire(int i) {
                        Trace.hit(i, "payload");
                        Trace.wide(i, 2L, 3L, 4);
                    }
                }
                """);
        for (String late : List.of("LateOn", "LateOff")) {
            sources.put("po." + late, """
                    package po;

                    public final class %s {
                        public static long fire() {
                            long before = Events.mine();
                            Trace.hit(1, null);
                            Trace.wide(1L, 2L, 3L, 4);
                            return Events.mine() - before;
                        }
                    }
                    """.formatted(late));
        }
        sources.put("po.Main", """
                package po;

                import dev.patchsite.PatchSite;
                import java.util.concurrent.atomic.AtomicLong;

                public final class Main {
                    static final int WORKERS = 4;
                    static final int ROUNDS = 25;
                    static final long CALLS_PER_PHASE = 5_000;
                    static final AtomicLong CALLS = new AtomicLong();

                    /** 4r+0: off, stable; 4r+1: switching on; 4r+2: on, stable; 4r+3: switching off. */
                    static volatile int phase;
                    static volatile boolean stop;

                    static final class Worker extends Thread {
                        long checkedOn;
                        long checkedOff;
                        long lost;
                        long recorded;

                        @Override
                        public void run() {
                            for (int i = 0; !stop; i++) {
                                int before = phase;
                                long eventsBefore = Events.mine();
                                Sites.fire(i);
                                CALLS.incrementAndGet();
                                long events = Events.mine() - eventsBefore;
                                if (phase == before) {
                                    if (before % 4 == 2) {
                                        checkedOn++;
                                        lost += 2 - events;
                                    } else if (before % 4 == 0) {
                                        checkedOff++;
                                        recorded += events;
                                    }
                                }
                            }
                        }
                    }

                    static void awaitCalls() {
                        long target = CALLS.get() + CALLS_PER_PHASE;
                        long deadline = System.nanoTime() + 20_000_000_000L;
                        while (CALLS.get() < target) {
                            if (System.nanoTime() > deadline) {
                                throw new IllegalStateException("the workers stopped calling the tracepoint");
                            }
                            Thread.onSpinWait();
                        }
                    }

                    public static void main(String[] args) throws Exception {
                        Worker[] workers = new Worker[WORKERS];
                        for (int i = 0; i < WORKERS; i++) {
                            workers[i] = new Worker();
                            workers[i].start();
                        }
                        awaitCalls();
                        for (int round = 0; round < ROUNDS; round++) {
                            phase = 4 * round + 1;
                            PatchSite.update(Trace.class, "on");
                            phase = 4 * round + 2;
                            awaitCalls();
                            phase = 4 * round + 3;
                            PatchSite.update(Trace.class, "default");
                            phase = 4 * round + 4;
                            awaitCalls();
                        }
                        stop = true;
                        long checkedOn = 0;
                        long checkedOff = 0;
                        long lost = 0;
                        long recorded = 0;
                        for (Worker worker : workers) {
                            worker.join();
                            checkedOn += worker.checkedOn;
                            checkedOff += worker.checkedOff;
                            lost += worker.lost;
                            recorded += worker.recorded;
                        }
                        System.out.println("lost while on: " + lost);
                        System.out.println("recorded while off: " + recorded);
                        System.out.println("checked while on: " + (checkedOn > 0));
                        System.out.println("checked while off: " + (checkedOff > 0));
                        PatchSite.update(Trace.class, "on");
                        System.out.println("a class loaded while on records: " + LateOn.fire());
                        PatchSite.update(Trace.class, "default");
                        System.out.println("a class loaded while off records: " + LateOff.fire());
                        String report = PatchSite.report().get(0);
                        System.out.println("bound: " + report.substring(report.indexOf("; ") + 2));
                    }
                }
                """);
        sources.put("po.Counter", """
                package po;

                /** A group whose function's body fires the tracepoint: linked, the call is in its moved body. */
                public final class Counter {
                    static int calls;

                    @dev.patchsite.RuntimeStatic
                    public static int count(int i) {
                        Trace.hit(i, "counted");
                        return ++calls;
                    }
                }
                """);
        sources.put("po.Fire", """
                package po;

                /** Calls the tracepoint as linked, without updating it: what a static program can do. */
                public final class Fire {
                    public static void main(String[] args) {
                        long before = Events.mine();
                        int counted = 0;
                        for (int i = 0; i < 1000; i++) {
                            Sites.fire(i);
                            counted = Counter.count(i);
                        }
                        System.out.println("events: " + (Events.mine() - before) + ", counted: " + counted);
                        System.out.println("a class loaded late records: " + LateOn.fire());
                    }
                }
                """);
        sources.put("po.Loop", """
                package po;

                import dev.patchsite.PatchSite;
                import java.util.concurrent.CountDownLatch;

                /** A thread looping inside the very method that holds a site while the tracepoint is updated. */
                public final class Loop {
                    static final CountDownLatch LOOPING = new CountDownLatch(1);
                    static volatile boolean stop;

                    static void spin() {
                        for (int i = 0; !stop; i++) {
                            Trace.hit(i, null);
                            LOOPING.countDown();
                        }
                    }

                    public static void main(String[] args) throws Exception {
                        Thread looper = new Thread(Loop::spin, "looper");
                        looper.start();
                        LOOPING.await();
                        PatchSite.update(Trace.class, "on");
                        stop = true;
                        looper.join();
                        System.out.println("updated while looping");
                    }
                }
                """);
        return sources;
    }
}
