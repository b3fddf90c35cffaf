package dev.patchsite.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The scan floor: the cheapest thing any scanner of a jar must do, i.e. open it and
 * inflate every {@code .class} entry once, fully, discarding the bytes. No class parsing.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.patchsite.benchmarks.InflateFloor JAR [--threads N] [--raw] [--lazy-headers] [--nested]
 * </pre>
 *
 * Uses the same archive library as the linker: Commons Compress {@link ZipFile}, opened with
 * {@code ZipFile.builder().setPath(jar).get()}, whose {@code getInputStream} is safe to call
 * from several threads (each stream reads its own byte range with positional reads). N
 * threads (default: available processors) take chunks of the entry list (in physical order)
 * from one {@link AtomicInteger}. Prints {@code entries=<n> bytes=<uncompressed total>
 * millis=<ms>}, the time from before opening the jar to after the last entry (JVM start-up
 * excluded; {@code scan-bench.sh} times whole processes).
 *
 * <p>Variants, for comparison (the default is the floor):
 * <ul>
 * <li>{@code --raw}: read each entry's compressed bytes with {@code getRawInputStream} and
 *     inflate them with one {@link Inflater} per thread, reused ({@code getInputStream}
 *     creates and ends an {@code Inflater} per entry, and reads through more layers);</li>
 * <li>{@code --lazy-headers}: open with {@code setIgnoreLocalFileHeader(true)}, so that the
 *     local header of each entry is read when the entry is first read instead of all of them
 *     while opening, on one thread. In that mode Commons Compress reads the header through
 *     the channel's shared position, which is not thread-safe (entries come back corrupt),
 *     so the calls that open an entry's stream are serialized; the reads themselves are not.</li>
 * </ul>
 *
 * <p>{@code --nested} makes it the floor of a Spring Boot or web archive: the {@code .class} entries of every jar
 * nested in {@code BOOT-INF/lib/}, {@code WEB-INF/lib/} or {@code WEB-INF/lib-provided/} are inflated too. Each
 * nested jar is read whole into memory, on the opening thread, and opened from there (Commons Compress over a
 * {@code SeekableInMemoryByteChannel}), which is the least a reader that does not parse the outer file's bytes in
 * place must do; the reading and opening count in the time.
 *
 * <p>Exit codes: 0 ok, 1 I/O or format error (the message names the entry), 2 usage.
 */
public final class InflateFloor {

    /** Entries taken per grab from the shared counter: small enough to balance, big enough not to contend. */
    static final int CHUNK = 64;

    static final String USAGE =
            "usage: java -cp benchmarks.jar dev.patchsite.benchmarks.InflateFloor JAR [--threads N] [--raw] [--lazy-headers]"
            + " [--nested]";

    private InflateFloor() {
    }

    /** How to read the jar. */
    static final class Options {
        int threads = Runtime.getRuntime().availableProcessors();
        boolean raw;
        boolean lazyHeaders;
        boolean nested;
    }

    /** What one run measured. */
    static final class Result {
        final int entries;
        final long bytes;
        final long millis;

        Result(int entries, long bytes, long millis) {
            this.entries = entries;
            this.bytes = bytes;
            this.millis = millis;
        }
    }

    public static void main(String[] args) {
        Path jar = null;
        Options options = new Options();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--threads") && i + 1 < args.length) {
                    options.threads = Integer.parseInt(args[++i]);
                } else if (a.startsWith("--threads=")) {
                    options.threads = Integer.parseInt(a.substring("--threads=".length()));
                } else if (a.equals("--raw")) {
                    options.raw = true;
                } else if (a.equals("--lazy-headers")) {
                    options.lazyHeaders = true;
                } else if (a.equals("--nested")) {
                    options.nested = true;
                } else if (a.equals("-h") || a.equals("--help")) {
                    System.out.println(USAGE);
                    return;
                } else if (a.startsWith("-") || jar != null) {
                    usageError("unexpected argument: " + a);
                } else {
                    jar = Paths.get(a);
                }
            }
        } catch (NumberFormatException e) {
            usageError("--threads needs a positive integer");
        }
        if (jar == null) {
            usageError("missing JAR");
        }
        if (options.threads < 1) {
            usageError("--threads needs a positive integer");
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("InflateFloor: no such file: " + jar);
            System.exit(1);
        }
        try {
            Result r = run(jar, options);
            System.out.println("entries=" + r.entries + " bytes=" + r.bytes + " millis=" + r.millis);
        } catch (IOException | RuntimeException e) {
            System.err.println("InflateFloor: " + jar + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usageError(String error) {
        System.err.println("InflateFloor: " + error);
        System.err.println(USAGE);
        System.exit(2);
    }

    /** Opens {@code jar} and inflates every {@code .class} entry as {@code options} say. */
    static Result run(Path jar, Options options) throws IOException {
        long start = System.nanoTime();
        List<ZipFile> nested = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(jar).setIgnoreLocalFileHeader(options.lazyHeaders).get()) {
            List<Item> entries = new ArrayList<>();
            for (Enumeration<ZipArchiveEntry> e = zip.getEntriesInPhysicalOrder(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    entries.add(new Item(zip, entry));
                } else if (options.nested && NESTED.matcher(entry.getName()).matches()) {
                    byte[] bytes;
                    try (InputStream in = zip.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    ZipFile lib = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                            .get();
                    nested.add(lib);
                    for (Enumeration<ZipArchiveEntry> n = lib.getEntriesInPhysicalOrder(); n.hasMoreElements(); ) {
                        ZipArchiveEntry inner = n.nextElement();
                        if (!inner.isDirectory() && inner.getName().endsWith(".class")) {
                            entries.add(new Item(lib, inner));
                        }
                    }
                }
            }
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] bytesPerThread = new long[options.threads];
            List<Thread> threads = new ArrayList<>(options.threads);
            for (int t = 0; t < options.threads; t++) {
                final int id = t;
                Thread thread = new Thread(() -> {
                    Worker worker = new Worker(options);
                    try {
                        int n = entries.size();
                        for (int from; (from = next.getAndAdd(CHUNK)) < n && failure.get() == null; ) {
                            int to = Math.min(from + CHUNK, n);
                            for (int i = from; i < to; i++) {
                                worker.read(entries.get(i));
                            }
                        }
                    } catch (Throwable x) {
                        failure.compareAndSet(null, x);
                    } finally {
                        worker.close();
                    }
                    bytesPerThread[id] = worker.bytes;
                }, "inflate-floor-" + t);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            Throwable x = failure.get();
            if (x instanceof IOException) {
                throw (IOException) x;
            } else if (x instanceof RuntimeException) {
                throw (RuntimeException) x;
            } else if (x != null) {
                throw new IllegalStateException(x);
            }
            long total = 0;
            for (long b : bytesPerThread) {
                total += b;
            }
            long millis = (System.nanoTime() - start) / 1_000_000L;
            return new Result(entries.size(), total, millis);
        } finally {
            for (ZipFile lib : nested) {
                lib.close();
            }
        }
    }

    /** Where a Spring Boot or web archive keeps its nested jars. */
    private static final Pattern NESTED = Pattern.compile("(BOOT-INF/lib|WEB-INF/lib|WEB-INF/lib-provided)/[^/]+\\.jar");

    /** A class entry to inflate, and the archive it is in. */
    private static final class Item {
        final ZipFile zip;
        final ZipArchiveEntry entry;

        Item(ZipFile zip, ZipArchiveEntry entry) {
            this.zip = zip;
            this.entry = entry;
        }
    }

    /** One thread's reader: its buffers (and, with --raw, its Inflater) are reused for every entry. */
    private static final class Worker {
        ZipFile zip;
        final Options options;
        final byte[] out = new byte[64 * 1024];
        byte[] compressed = new byte[64 * 1024];
        Inflater inflater;
        long bytes;

        Worker(Options options) {
            this.options = options;
        }

        /** Inflates one entry fully, discarding the bytes, and checks its size against the central directory. */
        void read(Item item) throws IOException {
            zip = item.zip;
            ZipArchiveEntry entry = item.entry;
            long n;
            try {
                n = options.raw && entry.getMethod() == ZipEntry.DEFLATED && entry.getCompressedSize() >= 0
                        ? inflateRaw(entry)
                        : drain(entry);
            } catch (IOException | DataFormatException e) {
                throw new IOException("entry " + entry.getName() + ": " + e.getMessage(), e);
            }
            if (entry.getSize() >= 0 && n != entry.getSize()) {
                throw new IOException("entry " + entry.getName() + ": inflated " + n
                        + " bytes, central directory says " + entry.getSize());
            }
            bytes += n;
        }

        /** Reads the entry's (inflating) stream to its end. */
        private long drain(ZipArchiveEntry entry) throws IOException {
            long n = 0;
            try (InputStream in = open(entry, false)) {
                for (int r; (r = in.read(out, 0, out.length)) > 0; ) {
                    n += r;
                }
            }
            return n;
        }

        /** Reads the entry's compressed bytes and inflates them with this thread's Inflater. */
        private long inflateRaw(ZipArchiveEntry entry) throws IOException, DataFormatException {
            long size = entry.getCompressedSize();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("entry too large: " + size + " bytes compressed");
            }
            int length = (int) size;
            if (compressed.length < length + 1) {
                compressed = new byte[Math.max(length + 1, compressed.length * 2)];
            }
            int read;
            try (InputStream in = open(entry, true)) {
                read = in.readNBytes(compressed, 0, length);
            }
            if (read != length) {
                throw new IOException("truncated: " + read + " of " + length + " compressed bytes");
            }
            compressed[length] = 0; // the dummy byte that zlib may want after a raw deflate stream
            if (inflater == null) {
                inflater = new Inflater(true);
            }
            Inflater inf = inflater;
            inf.reset();
            inf.setInput(compressed, 0, length + 1);
            long n = 0;
            while (!inf.finished()) {
                int r = inf.inflate(out, 0, out.length);
                if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("truncated deflate stream");
                }
                n += r;
            }
            return n;
        }

        private InputStream open(ZipArchiveEntry entry, boolean raw) throws IOException {
            if (!options.lazyHeaders) {
                return stream(entry, raw);
            }
            synchronized (zip) { // see the class comment: the lazy local-header read is not thread-safe
                return stream(entry, raw);
            }
        }

        private InputStream stream(ZipArchiveEntry entry, boolean raw) throws IOException {
            InputStream in = raw ? zip.getRawInputStream(entry) : zip.getInputStream(entry);
            if (in == null) {
                throw new IOException("cannot read (unsupported entry)");
            }
            return in;
        }

        void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
