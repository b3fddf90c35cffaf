package dev.patchsite.benchmarks;

import dev.patchsite.PatchSite;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.TimeZone;
import java.util.TreeMap;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The cost of {@code PatchSite.update} of a tracepoint with many sites in many loaded classes ({@code
 * update-bench.sh}). Two commands:
 *
 * <pre>
 * java -cp benchmarks.jar dev.patchsite.benchmarks.UpdateBench make OUT.jar [--classes N] [--sites K]
 * java [-javaagent:RUNTIME] -cp benchmarks.jar dev.patchsite.benchmarks.UpdateBench run LINKED.jar [--rounds R]
 * </pre>
 *
 * {@code make} writes the program: {@code updbench.T}, an interface whose updatable {@code hit(int)} does nothing
 * (so the agent patches its calls out while it is off); {@code updbench.TOn}, its variant {@code on}, which counts
 * the calls in {@code TOn.events}; and N classes (default 100) {@code updbench.C00000} ... each with
 * {@code static void run(int x)} made of K (default 10) calls {@code T.hit(x)}.
 *
 * <p>{@code run} loads every class of the linked jar in a class loader of its own and runs each {@code run} once (so
 * the agent patches them), then R times (default 21) times {@code PatchSite.update(T, "on")}, checks that a call of
 * every class records N x K events, times {@code PatchSite.update(T, "default")} and checks that one records none.
 * It prints each round's two times and their medians, in total and per class, in microseconds of wall time, and the
 * medians of the process's CPU time during each update (all threads: on a loaded machine, the wall time includes
 * waiting for a processor). Exit code 1 if a
 * check fails, 2 on a usage error.
 */
public final class UpdateBench {

    static final String PACKAGE = "updbench/";
    static final String GROUP = PACKAGE + "T";
    static final String VARIANT = PACKAGE + "TOn";
    /** Where Linux keeps each thread's time on a processor, in ns: {@code /proc/self/task/TID/schedstat}. */
    private static final Path TASKS = Paths.get("/proc/self/task");

    private UpdateBench() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2 || !args[0].equals("make") && !args[0].equals("run")) {
            usage(null);
        }
        int classes = 100;
        int sites = 10;
        int rounds = 21;
        for (int i = 2; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--classes") && value != null) {
                classes = Integer.parseInt(value);
            } else if (args[i].equals("--sites") && value != null) {
                sites = Integer.parseInt(value);
            } else if (args[i].equals("--rounds") && value != null) {
                rounds = Integer.parseInt(value);
            } else {
                usage("unexpected argument: " + args[i]);
            }
            i++;
        }
        if (classes < 1 || classes > 99_999 || sites < 1 || rounds < 1) {
            usage(null);
        }
        if (args[0].equals("make")) {
            make(Paths.get(args[1]), classes, sites);
        } else {
            run(Paths.get(args[1]), rounds);
        }
    }

    private static void usage(String message) {
        if (message != null) {
            System.err.println("UpdateBench: " + message);
        }
        System.err.println("usage: UpdateBench make OUT.jar [--classes N] [--sites K] | run LINKED.jar [--rounds R]");
        System.exit(2);
    }

    private static void make(Path out, int classes, int sites) throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        TreeMap<String, byte[]> entries = new TreeMap<>();
        entries.put(GROUP + ".class", group());
        entries.put(VARIANT + ".class", variant());
        for (int c = 0; c < classes; c++) {
            entries.put(caller(c) + ".class", callerClass(caller(c), sites));
        }
        MakeSiteJar.write(out, entries, null);
        System.out.println("wrote " + out + ": classes=" + classes + " sites=" + (long) classes * sites);
    }

    static String caller(int c) {
        return String.format("%sC%05d", PACKAGE, c);
    }

    /** {@code interface T { @RuntimeStatic(updatable = true) static void hit(int x) {} }} */
    static byte[] group() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, GROUP, null,
                "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "hit", "(I)V", null, null);
        AnnotationVisitor av = mv.visitAnnotation("Ldev/patchsite/RuntimeStatic;", false);
        av.visit("updatable", true);
        av.visitEnd();
        mv.visitCode();
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code @Variant(of = T.class, name = "on") class TOn { static long events; static void hit(int x) ... }} */
    static byte[] variant() {
        ClassWriter cw = MakeSiteJar.open(VARIANT);
        AnnotationVisitor av = cw.visitAnnotation("Ldev/patchsite/Variant;", false);
        av.visit("of", Type.getObjectType(GROUP));
        av.visit("name", "on");
        av.visitEnd();
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "events", "J", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "hit", "(I)V", null, null);
        mv.visitCode();
        mv.visitFieldInsn(Opcodes.GETSTATIC, VARIANT, "events", "J");
        mv.visitInsn(Opcodes.LCONST_1);
        mv.visitInsn(Opcodes.LADD);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, VARIANT, "events", "J");
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code static void run(int x) { T.hit(x); ... (K times) }} */
    static byte[] callerClass(String name, int sites) {
        ClassWriter cw = MakeSiteJar.open(name);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(I)V", null, null);
        mv.visitCode();
        for (int s = 0; s < sites; s++) {
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, GROUP, "hit", "(I)V", true);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void run(Path linked, int rounds) throws Throwable {
        URLClassLoader loader = new URLClassLoader(new URL[] {linked.toUri().toURL()},
                UpdateBench.class.getClassLoader());
        Class<?> group = Class.forName(GROUP.replace('/', '.'), false, loader);
        Class<?> variant = Class.forName(VARIANT.replace('/', '.'), true, loader);
        MethodHandle events = MethodHandles.lookup().findStaticGetter(variant, "events", long.class);
        int classes = 0;
        while (loader.getResource(caller(classes) + ".class") != null) {
            classes++;
        }
        MethodHandle[] runs = new MethodHandle[classes];
        for (int c = 0; c < classes; c++) {
            Class<?> type = Class.forName(caller(c).replace('/', '.'), true, loader);
            runs[c] = MethodHandles.lookup().findStatic(type, "run", MethodType.methodType(void.class, int.class));
        }
        long perCall = callAll(runs, events);
        if (perCall != 0) {
            throw fail("the tracepoint recorded " + perCall + " events while off");
        }
        long[] on = new long[rounds];
        long[] off = new long[rounds];
        long[] cpuOn = new long[rounds];
        long[] cpuOff = new long[rounds];
        long sites = -1;
        for (int r = 0; r < rounds; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            PatchSite.update(group, "on");
            long t1 = System.nanoTime();
            long c1 = processCpuNanos();
            long recorded = callAll(runs, events);
            long c2 = processCpuNanos();
            long t2 = System.nanoTime();
            PatchSite.update(group, "default");
            long t3 = System.nanoTime();
            long c3 = processCpuNanos();
            if (callAll(runs, events) != 0 || recorded == 0 || sites >= 0 && recorded != sites) {
                throw fail("round " + r + ": recorded " + recorded + " events while on (before: " + sites
                        + "), or some while off");
            }
            sites = recorded;
            on[r] = (t1 - t0) / 1000;
            off[r] = (t3 - t2) / 1000;
            cpuOn[r] = (c1 - c0) / 1000;
            cpuOff[r] = (c3 - c2) / 1000;
            System.out.println("round " + r + ": on " + on[r] + " us (cpu " + cpuOn[r] + "), off " + off[r]
                    + " us (cpu " + cpuOff[r] + ")");
        }
        long medianOn = median(on);
        long medianOff = median(off);
        System.out.println("classes=" + classes + " sites=" + sites + " " + PatchSite.report().get(0));
        System.out.println("median update micros: on=" + medianOn + " off=" + medianOff + "; per class: on="
                + String.format("%.1f", (double) medianOn / classes) + " off="
                + String.format("%.1f", (double) medianOff / classes) + "; process cpu: on=" + median(cpuOn)
                + " off=" + median(cpuOff));
    }

    /**
     * Returns the process's CPU time in ns, summed over its threads (the JVM retransforms at a safepoint, in a thread
     * of its own), from Linux's schedstat; {@code getProcessCpuTime} counts in 10 ms ticks. 0 where there is none.
     */
    private static long processCpuNanos() throws IOException {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String line = new String(Files.readAllBytes(task.resolve("schedstat")), StandardCharsets.US_ASCII);
                    total += Long.parseLong(line.substring(0, line.indexOf(' ')));
                } catch (IOException e) {
                    // The thread ended meanwhile.
                }
            }
        }
        return total;
    }

    /** Calls every class's {@code run} once; returns how many events that recorded. */
    private static long callAll(MethodHandle[] runs, MethodHandle events) throws Throwable {
        long before = (long) events.invokeExact();
        for (MethodHandle run : runs) {
            run.invokeExact(1);
        }
        return (long) events.invokeExact() - before;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static IllegalStateException fail(String message) {
        System.err.println("UpdateBench: " + message);
        System.exit(1);
        return new IllegalStateException(message);
    }
}
