package dev.patchsite.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The unit of the scan floor: inflating one class entry of a jar, i.e. one raw-deflate
 * ({@code nowrap}) stream, with {@link Inflater}, as every jar reader must do for every
 * class it looks at. The setup deflates a JDK class the way jar tools do (raw deflate,
 * default level), so the input is a typical compressed class entry.
 *
 * <p>Sizes on JDK 17: {@code java/util/function/Function.class} (2.4 KB) is about the median
 * class of the benchmark jar (2.1 KB), {@code java/lang/Boolean.class} (3.9 KB) about its
 * mean (4.2 KB), {@code java/lang/String.class} (47.7 KB) a large class. Compare the floor's
 * {@code millis * threads / entries} with the mean.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InflateBenchmark {

    /** A class resource of the running JDK, found via the system class loader. */
    @Param({"java/util/function/Function.class", "java/lang/Boolean.class", "java/lang/String.class"})
    public String resource;

    private byte[] deflated;
    private int uncompressedSize;
    private byte[] out;
    private Inflater inflater;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        byte[] original;
        try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no such resource: " + resource);
            }
            original = in.readAllBytes();
        }
        uncompressedSize = original.length;
        deflated = deflate(original);
        out = new byte[8192];
        inflater = new Inflater(true);
        // Check once that the round trip gives back the class, so the benchmark measures real work.
        Inflater check = new Inflater(true);
        try {
            check.setInput(deflated);
            byte[] back = new byte[uncompressedSize + 1];
            int n = 0;
            while (!check.finished() && n < back.length) {
                int r = check.inflate(back, n, back.length - n);
                if (r == 0 && (check.needsInput() || check.needsDictionary())) {
                    break;
                }
                n += r;
            }
            if (!check.finished() || n != uncompressedSize
                    || !Arrays.equals(Arrays.copyOf(back, n), original)) {
                throw new IllegalStateException("deflate/inflate round trip failed for " + resource);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("deflate/inflate round trip failed for " + resource, e);
        } finally {
            check.end();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        inflater.end();
    }

    /** Inflates the whole entry into a small reused buffer, discarding the bytes (as the floor does). */
    @Benchmark
    public int inflate() throws DataFormatException {
        Inflater inf = inflater;
        inf.reset();
        inf.setInput(deflated);
        byte[] buf = out;
        int total = 0;
        while (!inf.finished()) {
            int n = inf.inflate(buf, 0, buf.length);
            if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                throw new DataFormatException("truncated entry");
            }
            total += n;
        }
        return total;
    }

    /** Raw deflate at the default level, as jar/zip tools write entries; one dummy byte appended, as ZipFile does. */
    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                bytes.write(buf, 0, n);
            }
            bytes.write(0);
            return bytes.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
