package dev.patchsite.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the program of the boot binding benchmark ({@code boot-bench.sh}): many classes, each with a few calls of
 * one runtime-static function, and a main class that runs every one of them once.
 *
 * <pre>
 * java -cp benchmarks.jar dev.patchsite.benchmarks.MakeSiteJar OUT.jar [--classes N] [--sites K]
 * </pre>
 *
 * <ul>
 *   <li>{@code bootbench.F}: the group, {@code @RuntimeStatic static int f(int)}, whose default returns {@code x + 1};
 *   <li>{@code bootbench.FPlus2}: its variant {@code plus2} (no probe: chosen by
 *       {@code -Dpatchsite.select.bootbench.F=plus2}), which returns {@code x + 2};
 *   <li>{@code bootbench.C00000} ... : N classes (default 2,000), each with {@code static int run(int x)} made of K
 *       (default 5) sites {@code x = F.f(x)};
 *   <li>{@code bootbench.Main} (the jar's {@code Main-Class}): calls every class's {@code run} once, in order, so each
 *       class is loaded, linked and initialized and each site executed once, and prints
 *       {@code classes=N sites=S result=R micros=T}: T is the time of those calls (class loading included, JVM
 *       start-up excluded) and R is {@code 1 + S} with the default and {@code 1 + 2 S} with {@code plus2}, which shows
 *       which implementation the sites reached.
 * </ul>
 *
 * Class files of version 17, no branches (so no stack map frames); the jar is deterministic (sorted entries, fixed
 * times) and written atomically.
 */
public final class MakeSiteJar {

    static final String PACKAGE = "bootbench/";
    static final String GROUP = PACKAGE + "F";
    static final String VARIANT = PACKAGE + "FPlus2";
    static final String MAIN = PACKAGE + "Main";
    /** Calls of {@code run} per method of {@code Main}, well below the 64 KiB limit of a method. */
    static final int CALLS_PER_PART = 1000;

    private MakeSiteJar() {
    }

    public static void main(String[] args) throws IOException {
        // Jar entry times are local time: fix the zone so the output does not depend on the machine.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Path out = null;
        int classes = 2000;
        int sites = 5;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--classes") && i + 1 < args.length) {
                classes = Integer.parseInt(args[++i]);
            } else if (a.equals("--sites") && i + 1 < args.length) {
                sites = Integer.parseInt(args[++i]);
            } else if (a.startsWith("-") || out != null) {
                usage("unexpected argument: " + a);
            } else {
                out = Paths.get(a);
            }
        }
        if (out == null || classes < 1 || sites < 1 || classes > 99_999) {
            usage(null);
        }
        TreeMap<String, byte[]> entries = new TreeMap<>();
        entries.put(GROUP + ".class", group());
        entries.put(VARIANT + ".class", variant());
        for (int c = 0; c < classes; c++) {
            entries.put(caller(c) + ".class", callerClass(caller(c), sites));
        }
        entries.put(MAIN + ".class", mainClass(classes, sites));
        write(out, entries);
        System.out.println("wrote " + out + ": classes=" + classes + " sites=" + (long) classes * sites);
    }

    private static void usage(String message) {
        if (message != null) {
            System.err.println("MakeSiteJar: " + message);
        }
        System.err.println("usage: MakeSiteJar OUT.jar [--classes N (1..99999)] [--sites K]");
        System.exit(2);
    }

    static String caller(int c) {
        return String.format("%sC%05d", PACKAGE, c);
    }

    static ClassWriter open(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", null);
        return cw;
    }

    /** {@code static int f(int x) { return x + add; }}, annotated if {@code annotate}. */
    private static void addFunction(ClassWriter cw, int add, boolean annotate) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "f", "(I)I", null, null);
        if (annotate) {
            mv.visitAnnotation("Ldev/patchsite/RuntimeStatic;", false).visitEnd();
        }
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitInsn(Opcodes.ICONST_0 + add);
        mv.visitInsn(Opcodes.IADD);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    static byte[] group() {
        ClassWriter cw = open(GROUP);
        addFunction(cw, 1, true);
        cw.visitEnd();
        return cw.toByteArray();
    }

    static byte[] variant() {
        ClassWriter cw = open(VARIANT);
        AnnotationVisitor av = cw.visitAnnotation("Ldev/patchsite/Variant;", false);
        av.visit("of", Type.getObjectType(GROUP));
        av.visit("name", "plus2");
        av.visitEnd();
        addFunction(cw, 2, false);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code static int run(int x) { x = F.f(x); ... (K times) return x; }} */
    static byte[] callerClass(String name, int sites) {
        ClassWriter cw = open(name);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(I)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        for (int s = 0; s < sites; s++) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, GROUP, "f", "(I)I", false);
        }
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * {@code main} times {@code partP(int)} for every part, each calling {@code run} of up to {@value #CALLS_PER_PART}
     * classes in a row, then prints the result line.
     */
    static byte[] mainClass(int classes, int sites) {
        ClassWriter cw = open(MAIN);
        int parts = (classes + CALLS_PER_PART - 1) / CALLS_PER_PART;
        for (int p = 0; p < parts; p++) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "part" + p, "(I)I", null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            for (int c = p * CALLS_PER_PART; c < Math.min(classes, (p + 1) * CALLS_PER_PART); c++) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, caller(c), "run", "(I)I", false);
            }
            mv.visitInsn(Opcodes.IRETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V",
                null, null);
        mv.visitCode();
        // long t0 = System.nanoTime(); int x = 1; x = part0(x); ...; long t1 = System.nanoTime();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false);
        mv.visitVarInsn(Opcodes.LSTORE, 1);
        mv.visitInsn(Opcodes.ICONST_1);
        for (int p = 0; p < parts; p++) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, MAIN, "part" + p, "(I)I", false);
        }
        mv.visitVarInsn(Opcodes.ISTORE, 3);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false);
        mv.visitVarInsn(Opcodes.LSTORE, 4);
        // System.out.println("classes=N sites=S result=" + x + " micros=" + (t1 - t0) / 1000);
        mv.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
        mv.visitInsn(Opcodes.DUP);
        mv.visitLdcInsn("classes=" + classes + " sites=" + (long) classes * sites + " result=");
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
        mv.visitVarInsn(Opcodes.ILOAD, 3);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(I)Ljava/lang/StringBuilder;",
                false);
        mv.visitLdcInsn(" micros=");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
        mv.visitVarInsn(Opcodes.LLOAD, 4);
        mv.visitVarInsn(Opcodes.LLOAD, 1);
        mv.visitInsn(Opcodes.LSUB);
        mv.visitLdcInsn(1000L);
        mv.visitInsn(Opcodes.LDIV);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(J)Ljava/lang/StringBuilder;",
                false);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/String;)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    static void write(Path out, TreeMap<String, byte[]> entries) throws IOException {
        write(out, entries, MAIN.replace('/', '.'));
    }

    /** Writes a jar of the entries, atomically, whose manifest names the main class, if not null. */
    static void write(Path out, TreeMap<String, byte[]> entries, String mainClass) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(os)) {
                String manifest = "Manifest-Version: 1.0\r\nCreated-By: patchsite MakeSiteJar\r\n"
                        + (mainClass == null ? "" : "Main-Class: " + mainClass + "\r\n") + "\r\n";
                put(jar, "META-INF/MANIFEST.MF", manifest.getBytes(StandardCharsets.UTF_8));
                for (var e : entries.entrySet()) {
                    put(jar, e.getKey(), e.getValue());
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(MakeBigJar.FIXED_TIME);
        jar.putNextEntry(entry);
        jar.write(bytes);
        jar.closeEntry();
    }
}
