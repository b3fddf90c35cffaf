package dev.patchsite.testdata;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Generators of malformed inputs for the linker's tests. Each method writes one file (or directory), replacing what
 * was there, and returns its path; the Javadoc says exactly what is wrong with it. Only the JDK is used: the class
 * files come from a tiny hand-written class-file writer, the archives that {@code java.util.zip} will not write from a
 * hand-written zip writer. The output depends only on the arguments.
 *
 * <p>{@code java -cp patchsite-testdata.jar dev.patchsite.testdata.BadInputs DIR} writes them all into {@code DIR}.
 */
public final class BadInputs {

    /** The internal name of the group that {@link #oldClassCallingFunction(Path, String)} calls. */
    public static final String SPIN_LOCK = "dev/patchsite/sample/lock/SpinLock";

    /** The descriptor of {@code SpinLock.slowpath}. */
    public static final String SLOWPATH_DESCRIPTOR = "(Ldev/patchsite/sample/lock/QLock;I)V";

    /** The internal name of the good class that the malformed archives and directories also hold. */
    public static final String GOOD_CLASS = "x/Good";

    private static final byte[] MANIFEST = "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private BadInputs() {
    }

    /**
     * Writes the first half of a valid jar: the local headers and data of its first entries, and no central directory
     * (nor the end record that locates it). {@code java.util.zip.ZipFile} refuses it.
     *
     * @param validJar a valid jar
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if reading or writing fails
     */
    public static Path truncatedJar(Path validJar, Path out) throws IOException {
        byte[] jar = Files.readAllBytes(validJar);
        return write(out, Arrays.copyOf(jar, jar.length / 2));
    }

    /**
     * Writes a structurally valid zip (local headers, central directory and end record all consistent) whose entry
     * {@code bad/Corrupt.class} is DEFLATED but whose compressed data is garbage: sixteen {@code 0xFF} bytes, whose
     * first three bits announce the reserved block type 3, so inflating it fails at once ("invalid block type"). The
     * zip also holds a manifest and a good class, {@code x/Good.class}, both readable.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path corruptEntryJar(Path out) throws IOException {
        byte[] garbage = new byte[16];
        Arrays.fill(garbage, (byte) 0xFF);
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .raw("bad/Corrupt.class", ZipBytes.DEFLATED, garbage, 0x12345678L, 256)
                .deflated(GOOD_CLASS + ".class", goodClass(GOOD_CLASS))
                .toByteArray());
    }

    /**
     * Writes a text file named like a jar (name it {@code something.jar}): it has no zip structure at all.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path notAJar(Path out) throws IOException {
        return write(out, "This is a text file, not a jar.\n".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Writes a valid jar that holds a malformed class, {@code bad/Broken.class}: a valid magic ({@code 0xCAFEBABE})
     * and version (52.0, Java 8), and a {@code constant_pool_count} of 40, but the bytes end after three entries
     * ({@code Utf8 "bad/Broken"}, {@code Class #1}, {@code Utf8 "java/lang/Object"}). The jar also holds a manifest and
     * a good class, {@code x/Good.class}.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path malformedClassJar(Path out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream broken = new DataOutputStream(bytes);
        broken.writeInt(0xCAFEBABE);
        broken.writeShort(0); // minor_version
        broken.writeShort(52); // major_version
        broken.writeShort(40); // constant_pool_count: 39 entries announced
        broken.writeByte(1); // #1 Utf8
        broken.writeUTF("bad/Broken");
        broken.writeByte(7); // #2 Class
        broken.writeShort(1);
        broken.writeByte(1); // #3 Utf8
        broken.writeUTF("java/lang/Object");
        broken.flush(); // ... and nothing more
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated("bad/Broken.class", bytes.toByteArray())
                .deflated(GOOD_CLASS + ".class", goodClass(GOOD_CLASS))
                .toByteArray());
    }

    /**
     * Writes a directory of classes in which {@code x/Bad.class} has the magic {@code 0xCAFEBABF} (one more than a
     * class file's); apart from its first four bytes it is a valid class. The directory also holds a good class,
     * {@code x/Good.class}.
     *
     * @param dir the directory to write into (created if missing)
     * @return {@code dir}
     * @throws IOException if writing fails
     */
    public static Path badMagicClassDir(Path dir) throws IOException {
        byte[] bad = goodClass("x/Bad");
        bad[3] = (byte) 0xBF;
        write(dir.resolve("x/Bad.class"), bad);
        write(dir.resolve(GOOD_CLASS + ".class"), goodClass(GOOD_CLASS));
        return dir;
    }

    /**
     * Writes a zip with two entries of the same name, {@code a/A.class} (a valid class {@code a/A} each time, the
     * second with one more method), which {@code java.util.zip.ZipOutputStream} refuses to write. Both are in the
     * central directory. The zip also holds a manifest.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path duplicateEntryJar(Path out) throws IOException {
        byte[] second = new ClassBytes(52, "a/A")
                .constructor()
                .method(ClassBytes.ACC_PUBLIC | ClassBytes.ACC_STATIC, "second", "()V", 0, 0,
                        new byte[] {(byte) ClassBytes.RETURN})
                .toByteArray();
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated("a/A.class", goodClass("a/A"))
                .deflated("a/A.class", second)
                .toByteArray());
    }

    /**
     * Writes a class of class-file version 50.0 (Java 6, before {@code invokedynamic} and before stack map frames were
     * required) with one site: its method {@code public static void run(QLock lock, int val)} is
     * <pre>
     *   aload_0
     *   iload_1
     *   invokestatic dev/patchsite/sample/lock/SpinLock.slowpath(Ldev/patchsite/sample/lock/QLock;I)V
     *   return
     * </pre>
     * It also has a public no-argument constructor. The class is well formed; what is special is only its version.
     *
     * @param dir the class directory to write into (created if missing)
     * @param internalName the internal name of the class to write, e.g. {@code old/Caller}
     * @return the class file, {@code dir/internalName.class}
     * @throws IOException if writing fails
     */
    public static Path oldClassCallingFunction(Path dir, String internalName) throws IOException {
        ClassBytes cls = new ClassBytes(50, internalName).constructor();
        runCallingSlowpath(cls, 0, new byte[0]);
        return write(dir.resolve(internalName + ".class"), cls.toByteArray());
    }

    /**
     * Writes a jar whose class {@code bad/BadIndex} has a {@code Class} constant whose name index, 999, is past the
     * end of its constant pool; a {@code Methodref} of that class is called by {@code invokestatic} in its method
     * {@code run()V}. The jar also holds a manifest and the good class {@code x/Good}.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path badPoolIndexJar(Path out) throws IOException {
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated("bad/BadIndex.class", badPoolIndexClass())
                .deflated(GOOD_CLASS + ".class", goodClass(GOOD_CLASS))
                .toByteArray());
    }

    /**
     * Writes the class of {@link #badPoolIndexJar}, {@code bad/BadIndex.class}, and the good class {@code x/Good}
     * into a directory of classes.
     *
     * @param dir the directory to write into (created if missing)
     * @return {@code dir}
     * @throws IOException if writing fails
     */
    public static Path badPoolIndexDir(Path dir) throws IOException {
        write(dir.resolve("bad/BadIndex.class"), badPoolIndexClass());
        write(dir.resolve(GOOD_CLASS + ".class"), goodClass(GOOD_CLASS));
        return dir;
    }

    private static byte[] badPoolIndexClass() {
        ClassBytes cls = new ClassBytes(52, "bad/BadIndex").constructor();
        int method = cls.methodRef(cls.classRef(999), "f", "()V");
        return cls.method(ClassBytes.ACC_PUBLIC | ClassBytes.ACC_STATIC, "run", "()V", 0, 0, new byte[] {
            (byte) ClassBytes.INVOKESTATIC, (byte) (method >> 8), (byte) method,
            (byte) ClassBytes.RETURN,
        }).toByteArray();
    }

    /**
     * Writes a jar holding {@code bad/CondyChain} (class-file version 55), whose method {@code run()V} is {@code
     * ldc_w} of a {@code CONSTANT_Dynamic}, then {@code pop} and {@code return}. That constant is the top of a chain
     * of {@code levels} of them: each one's bootstrap arguments are the one below, {@code fanout} times, and the
     * bottom one's single argument is a {@code MethodHandle} of {@code SpinLock.slowpath}. The chain holds that
     * handle once, but it is reached by {@code fanout^(levels - 1)} paths: a scanner that follows every path
     * never finishes. (Its bootstrap method is {@code ConstantBootstraps.invoke}; the constant is never resolved.)
     *
     * @param out the file to write
     * @param levels how many dynamic constants the chain has
     * @param fanout how many times each names the one below
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path condyChainJar(Path out, int levels, int fanout) throws IOException {
        ClassBytes cls = new ClassBytes(55, "bad/CondyChain").constructor();
        int bootstrap = condyBootstrap(cls);
        int below = cls.methodHandle(ClassBytes.REF_INVOKE_STATIC,
                cls.methodRef(SPIN_LOCK, "slowpath", SLOWPATH_DESCRIPTOR));
        for (int level = 0; level < levels; level++) {
            int[] arguments = new int[level == 0 ? 1 : fanout];
            Arrays.fill(arguments, below);
            below = cls.dynamic(cls.bootstrapMethod(bootstrap, arguments), "c" + level, "Ljava/lang/Object;");
        }
        return condyJar(out, "bad/CondyChain", cls, below);
    }

    /**
     * Writes a jar holding {@code bad/CondySelf} (class-file version 55), whose method {@code run()V} is {@code ldc_w}
     * of a {@code CONSTANT_Dynamic} whose bootstrap arguments are a {@code MethodHandle} of {@code SpinLock.slowpath}
     * and then the constant itself, 64 times: it can never be resolved, and a scanner that follows it to a depth of 8
     * visits 64^8 paths.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path condySelfJar(Path out) throws IOException {
        ClassBytes cls = new ClassBytes(55, "bad/CondySelf").constructor();
        int bootstrap = condyBootstrap(cls);
        int handle = cls.methodHandle(ClassBytes.REF_INVOKE_STATIC,
                cls.methodRef(SPIN_LOCK, "slowpath", SLOWPATH_DESCRIPTOR));
        int number = cls.bootstrapMethod(bootstrap);
        int self = cls.dynamic(number, "self", "Ljava/lang/Object;");
        int[] arguments = new int[65];
        Arrays.fill(arguments, self);
        arguments[0] = handle;
        cls.bootstrapArguments(number, arguments);
        return condyJar(out, "bad/CondySelf", cls, self);
    }

    private static int condyBootstrap(ClassBytes cls) {
        return cls.methodHandle(ClassBytes.REF_INVOKE_STATIC, cls.methodRef("java/lang/invoke/ConstantBootstraps",
                "invoke", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;"
                        + "Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;"));
    }

    private static Path condyJar(Path out, String name, ClassBytes cls, int constant) throws IOException {
        cls.method(ClassBytes.ACC_PUBLIC | ClassBytes.ACC_STATIC, "run", "()V", 1, 0, new byte[] {
            (byte) ClassBytes.LDC_W, (byte) (constant >> 8), (byte) constant,
            (byte) ClassBytes.POP,
            (byte) ClassBytes.RETURN,
        });
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated(name + ".class", cls.toByteArray())
                .toByteArray());
    }

    /**
     * Writes a jar holding {@code bad/Lines}, whose method {@code run(QLock, int)} calls {@code SpinLock.slowpath}
     * (as {@link #oldClassCallingFunction} does, at version 52) and whose {@code Code} attribute announces 65,535
     * attributes: a {@code LineNumberTable} of 2,000 lines, then an attribute {@code Back} whose length is negative,
     * taking a reader that trusts it back to the start of the {@code LineNumberTable}, which it then reads 32,767
     * times.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path negativeAttributeLengthJar(Path out) throws IOException {
        ClassBytes cls = new ClassBytes(52, "bad/Lines").constructor();
        int lines = 2000;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream attributes = new DataOutputStream(bytes);
        attributes.writeShort(cls.utf8("LineNumberTable"));
        attributes.writeInt(2 + 4 * lines);
        attributes.writeShort(lines);
        for (int i = 0; i < lines; i++) {
            attributes.writeShort(0); // start_pc
            attributes.writeShort(i + 1); // line_number
        }
        attributes.writeShort(cls.utf8("Back"));
        attributes.writeInt(-(6 + 2 + 4 * lines) - 6);
        attributes.flush();
        runCallingSlowpath(cls, 65535, bytes.toByteArray());
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated("bad/Lines.class", cls.toByteArray())
                .toByteArray());
    }

    /**
     * Writes a jar holding {@code bad/FullPool}, a valid class whose method {@code run(QLock, int)} calls {@code
     * SpinLock.slowpath} (as {@link #oldClassCallingFunction} does, at version 52) and whose constant pool is full:
     * 65,534 entries, the most a class file can hold, most of them unused strings. Linking cannot add a constant to
     * it. The jar also holds a manifest.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path fullPoolJar(Path out) throws IOException {
        ClassBytes cls = new ClassBytes(52, "bad/FullPool").constructor();
        runCallingSlowpath(cls, 0, new byte[0]);
        for (int i = 0; cls.poolCount() < 65535; i++) {
            cls.utf8("unused" + i);
        }
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated("bad/FullPool.class", cls.toByteArray())
                .toByteArray());
    }

    /**
     * Writes a jar holding {@code bad/Frames} (class-file version 52), whose method {@code run()V} is {@code ldc_w}
     * of a {@code MethodHandle} of {@code SpinLock.slowpath}, {@code pop}, {@code return}, and whose {@code Code}
     * attribute has a {@code StackMapTable} of one frame of the reserved type 200. The scanner does not read frames;
     * ASM refuses the frame when it reads the method. The jar also holds a manifest.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path reservedFrameTypeJar(Path out) throws IOException {
        ClassBytes cls = new ClassBytes(52, "bad/Frames").constructor();
        int handle = cls.methodHandle(ClassBytes.REF_INVOKE_STATIC,
                cls.methodRef(SPIN_LOCK, "slowpath", SLOWPATH_DESCRIPTOR));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream attributes = new DataOutputStream(bytes);
        attributes.writeShort(cls.utf8("StackMapTable"));
        attributes.writeInt(3);
        attributes.writeShort(1); // number_of_entries
        attributes.writeByte(200); // a reserved frame type
        attributes.flush();
        cls.method(ClassBytes.ACC_PUBLIC | ClassBytes.ACC_STATIC, "run", "()V", 1, 0, new byte[] {
            (byte) ClassBytes.LDC_W, (byte) (handle >> 8), (byte) handle,
            (byte) ClassBytes.POP,
            (byte) ClassBytes.RETURN,
        }, 1, bytes.toByteArray());
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated("bad/Frames.class", cls.toByteArray())
                .toByteArray());
    }

    /**
     * Writes a jar whose entry {@code x/Other.class} holds the class {@code x/Good}, which the JVM would never load
     * from it (it looks for {@code x/Good.class}). The jar also holds a manifest.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path misnamedEntryJar(Path out) throws IOException {
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated("x/Other.class", goodClass(GOOD_CLASS))
                .toByteArray());
    }

    /**
     * Writes a jar whose entry {@code x/Nul\u0000.class} (a NUL byte in its name) holds a class of that very name.
     * The jar also holds a manifest.
     *
     * @param out the file to write
     * @return {@code out}
     * @throws IOException if writing fails
     */
    public static Path nulNamedEntryJar(Path out) throws IOException {
        return write(out, new ZipBytes()
                .stored("META-INF/MANIFEST.MF", MANIFEST)
                .deflated("x/Nul\u0000.class", goodClass("x/Nul\u0000"))
                .toByteArray());
    }

    /**
     * Writes every malformed input into a directory: {@code truncated.jar} (of {@code malformed-class.jar}, a valid
     * jar), {@code corrupt-entry.jar}, {@code not-a-jar.jar}, {@code malformed-class.jar},
     * {@code bad-magic/}, {@code duplicate-entry.jar} and {@code old-classes/old/Caller.class}.
     *
     * @param args the output directory
     * @throws IOException if writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BadInputs DIR");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        corruptEntryJar(dir.resolve("corrupt-entry.jar"));
        notAJar(dir.resolve("not-a-jar.jar"));
        truncatedJar(malformedClassJar(dir.resolve("malformed-class.jar")), dir.resolve("truncated.jar"));
        badMagicClassDir(dir.resolve("bad-magic"));
        duplicateEntryJar(dir.resolve("duplicate-entry.jar"));
        oldClassCallingFunction(dir.resolve("old-classes"), "old/Caller");
    }

    /**
     * Adds the method {@code public static void run(QLock lock, int val)}, which is {@code aload_0}, {@code iload_1},
     * {@code invokestatic SpinLock.slowpath}, {@code return}, with the given attributes in its {@code Code} attribute.
     */
    private static ClassBytes runCallingSlowpath(ClassBytes cls, int attributeCount, byte[] attributes) {
        int slowpath = cls.methodRef(SPIN_LOCK, "slowpath", SLOWPATH_DESCRIPTOR);
        return cls.method(ClassBytes.ACC_PUBLIC | ClassBytes.ACC_STATIC, "run", SLOWPATH_DESCRIPTOR, 2, 2, new byte[] {
            (byte) ClassBytes.ALOAD_0,
            (byte) ClassBytes.ILOAD_1,
            (byte) ClassBytes.INVOKESTATIC, (byte) (slowpath >> 8), (byte) slowpath,
            (byte) ClassBytes.RETURN,
        }, attributeCount, attributes);
    }

    /** A valid Java 8 class: a public class with a public no-argument constructor. */
    static byte[] goodClass(String internalName) {
        return new ClassBytes(52, internalName).constructor().toByteArray();
    }

    private static Path write(Path out, byte[] bytes) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.write(out, bytes);
    }
}
