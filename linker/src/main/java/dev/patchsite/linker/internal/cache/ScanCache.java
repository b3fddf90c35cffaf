package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.Messages;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.internal.input.ClassSource;
import dev.patchsite.linker.internal.io.ChunkedIo;
import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.table.PatchSiteTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The directory of the scan cache: one file per jar, named by a hash of the jar's absolute path. A file that cannot be
 * used (damaged, truncated, of another version, for another jar) is reported once and never trusted; one that is not
 * a cache file at all is left as it is. Files are written atomically, each at most {@link #MAX_FILE_BYTES}, and the
 * directory keeps at most {@link #MAX_FILES} of them, the least recently used removed first. Nothing here fails a
 * scan: the cache only saves time, so a problem with it is a warning.
 */
public final class ScanCache {

    /** The most cache files a directory keeps. */
    static final int MAX_FILES = 200;
    /** The largest cache file written (a jar of about 5 million classes). */
    static final long MAX_FILE_BYTES = 256L << 20;
    private static final String PREFIX = "scan-";
    private static final String SUFFIX = ".cache";

    private final Path directory;
    private final PatchsiteLog log;
    private final boolean usable;
    private volatile Background<Map<Path, Opening>> prefetched;
    /** Whether a write failed: the directory is not written again in this run, nor the failure told again. */
    private volatile boolean unwritable;

    private ScanCache(Path directory, PatchsiteLog log, boolean usable) {
        this.directory = directory;
        this.log = log;
        this.usable = usable;
    }

    /**
     * Returns the cache in a directory, which is made when first written to.
     *
     * @param directory the directory
     * @param log where to report a cache that cannot be used or written
     * @return the cache
     */
    public static ScanCache in(Path directory, PatchsiteLog log) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            log.warn("scan cache " + directory + ": not a directory; not used");
            return new ScanCache(directory, log, false);
        }
        return new ScanCache(directory, log, true);
    }

    /**
     * Returns whether the cache can be used: its directory is one, or is not there yet.
     *
     * @return false if the cache's path is a file, which was reported
     */
    public boolean usable() {
        return usable;
    }

    /**
     * Starts reading and checking the cache files of a scan's jars on a thread of its own, so that they are ready
     * when the scan has read the jars' directories and asks for them ({@link #load}).
     *
     * @param inputs the scan's inputs; those that are not files are left out
     */
    public void prefetch(List<Path> inputs) {
        if (!usable) {
            return;
        }
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isRegularFile(input)) {
                String absolute = absolute(input.toString());
                files.add(directory.resolve(fileName(absolute)));
                files.add(directory.resolve(deltaName(absolute)));
            }
        }
        if (!files.isEmpty()) {
            prefetched = Background.start("patchsite-cache-read", () -> {
                Map<Path, Opening> opened = new HashMap<>();
                for (Path file : files) {
                    opened.put(file, Opening.of(file));
                }
                return opened;
            });
        }
    }

    /**
     * Loads a jar's records.
     *
     * @param source an input of the scan
     * @return the jar's cache (with no records if there were none to use), or null if the input is not a jar
     */
    public JarCache load(ClassSource source) {
        if (!usable || source.classEntries().isEmpty() || source.stamp(source.classEntries().get(0)) == null) {
            return null;
        }
        String input = absolute(source.name());
        String name = fileName(input);
        String deltaName = deltaName(input);
        Loaded base = open(name, input);
        Loaded delta = open(deltaName, input);
        return new JarCache(this, input, name, deltaName, base.records(), delta.records(), base.replaceable(),
                delta.replaceable());
    }

    /**
     * A cache file as {@link #load} found it.
     *
     * @param records its records, or null if there were none to use
     * @param replaceable whether it may be replaced (or written, if there is none)
     */
    private record Loaded(CacheFile.Opened records, boolean replaceable) {
    }

    /** Opens one of a jar's cache files, warning of what makes it unusable. */
    private Loaded open(String name, String input) {
        Path file = directory.resolve(name);
        Opening opening = opening(file);
        if (usable(file, opening.read()) == null) {
            return new Loaded(null, replaceable(file));
        }
        try {
            CacheFile.Opened records = opening.records();
            if (!records.input().equals(input)) {
                throw new CacheFile.Unusable("written for another jar, " + records.input(), true);
            }
            touch(file);
            return new Loaded(records, true);
        } catch (CacheFile.Unusable e) {
            log.warn("scan cache " + file + ": " + e.getMessage() + "; not used" + (e.ours()
                    ? ", and replaced by this scan's" : ", and left as it is"));
            return new Loaded(null, e.ours());
        }
    }

    /** Returns a cache file as {@link #prefetch} read it, or reads it now. */
    private Opening opening(Path file) {
        Background<Map<Path, Opening>> reading = prefetched;
        if (reading != null) {
            try {
                Opening opening = reading.join().get(file);
                if (opening != null) {
                    return opening;
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e); // Opening.of catches every IOException
            }
        }
        return Opening.of(file);
    }

    private static String absolute(String input) {
        return Path.of(input).toAbsolutePath().normalize().toString();
    }

    private static String fileName(String absoluteInput) {
        return PREFIX + hash(absoluteInput) + SUFFIX;
    }

    /** Names the file of a jar's delta ({@link JarCache}). */
    private static String deltaName(String absoluteInput) {
        return PREFIX + hash(absoluteInput) + "-delta" + SUFFIX;
    }

    /**
     * A cache file's bytes as read, on any thread: why there are none is told by the scan's thread ({@link #usable}).
     *
     * @param bytes the bytes, or null if there are none to use
     * @param tooLarge the file is larger than any cache file
     * @param failure why it could not be read, or null; neither this nor {@code tooLarge}, and no bytes: no file
     */
    private record FileBytes(byte[] bytes, boolean tooLarge, IOException failure) {

        static FileBytes of(Path file) {
            try {
                byte[] bytes = ChunkedIo.readAll(file, MAX_FILE_BYTES);
                return new FileBytes(bytes, bytes == null, null);
            } catch (NoSuchFileException e) {
                return new FileBytes(null, false, null);
            } catch (IOException e) {
                return new FileBytes(null, false, e);
            }
        }
    }

    /** Returns a file's bytes as read, warning of why there are none unless there is no file; null if none. */
    private byte[] usable(Path file, FileBytes read) {
        if (read.failure() != null) {
            log.warn("scan cache " + file + ": cannot be read (" + IoReasons.of(read.failure()) + "); not used");
        } else if (read.tooLarge()) {
            log.warn("scan cache " + file + ": larger than a cache file can be; not used, and left as it is");
        }
        return read.bytes();
    }

    /**
     * A jar's cache file as read and checked, on any thread: what is wrong is told by the scan's thread, when it asks.
     *
     * @param read the file's bytes as read
     * @param found its records, or null
     * @param unusable why its bytes cannot be used, or null
     */
    private record Opening(FileBytes read, CacheFile.Opened found, CacheFile.Unusable unusable) {

        static Opening of(Path file) {
            FileBytes read = FileBytes.of(file);
            if (read.bytes() == null) {
                return new Opening(read, null, null);
            }
            try {
                return new Opening(read, CacheFile.open(read.bytes()), null);
            } catch (CacheFile.Unusable e) {
                return new Opening(read, null, e);
            }
        }

        CacheFile.Opened records() throws CacheFile.Unusable {
            if (unusable != null) {
                throw unusable;
            }
            return found;
        }
    }

    /**
     * Returns the table a scan of the same program left, if its key is this one, and logs again what that scan
     * logged.
     *
     * @param program names the program: its inputs' and declaration file's absolute paths
     * @param key everything the scan's result depends on (see {@code TableFile}), compared byte for byte
     * @param log where to log the scan's messages again
     * @return the table, or null if there is none for this key
     */
    public PatchSiteTable table(String program, byte[] key, PatchsiteLog log) {
        if (!usable) {
            return null;
        }
        Path file = directory.resolve(tableName(program));
        if (!TableFile.mayHold(head(file, key.length), key)) {
            return null; // the table of the program as it was: its first bytes say so, the rest need not be read
        }
        byte[] bytes = read(file);
        if (bytes == null) {
            return null;
        }
        try {
            TableFile.Contents contents = TableFile.open(bytes, key);
            if (contents == null) {
                return null;
            }
            touch(file);
            RecordingLog.replay(contents.messages(), log);
            return contents.table();
        } catch (CacheFile.Unusable e) {
            this.log.warn("scan cache " + file + ": " + e.getMessage() + "; not used" + (e.ours()
                    ? ", and replaced by this scan's" : ", and left as it is"));
            return null;
        }
    }

    /**
     * Keeps a scan's table and the messages it logged under its key, replacing what the program's last scan left.
     *
     * @param program names the program, as for {@link #table}
     * @param key everything the scan's result depends on
     * @param messages what the scan logged
     * @param table the table
     */
    public void saveTable(String program, byte[] key, RecordingLog messages, PatchSiteTable table) {
        String name = tableName(program);
        Path file = directory.resolve(name);
        if (!usable || table.linkedMode() != null || !replaceable(file)) {
            return;
        }
        write(name, TableFile.encode(key, messages.messages(), table));
    }

    private static String tableName(String program) {
        return PREFIX + "table-" + hash(program) + SUFFIX;
    }

    /** Returns the first bytes of a file, enough to hold its header and a key of the given length; empty if none. */
    private static byte[] head(Path file, int keyLength) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(channel.size(), 512L + keyLength));
            ChunkedIo.readFully(channel, head, 0);
            return head.array();
        } catch (IOException e) {
            return new byte[0]; // what is wrong is told when the file is read whole
        }
    }

    /** Reads a file of the cache; null if there is none, or it cannot be read (with a warning). */
    private byte[] read(Path file) {
        return usable(file, FileBytes.of(file));
    }

    /**
     * Returns whether a file of the cache may be replaced: it is missing, or a cache file patchsite wrote that is not
     * larger than one it writes. Anything else was put there by someone else, and is left alone.
     */
    private static boolean replaceable(Path file) {
        try {
            return Files.notExists(file) || Files.isRegularFile(file) && Files.size(file) <= MAX_FILE_BYTES
                    && isCacheFile(file);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes a file of the cache atomically, then keeps the directory within its bounds. */
    void write(String name, byte[] bytes) {
        write(name, List.of(ByteBuffer.wrap(bytes)));
    }

    /** Writes a file of the cache, given as parts ({@link AtomicOutput#write(Path, List)}). */
    void write(String name, List<ByteBuffer> parts) {
        long size = ChunkedIo.size(parts);
        if (size > MAX_FILE_BYTES) {
            log.info("scan cache: " + name + " would take " + (size >> 20) + " MiB; not written");
            return;
        }
        if (unwritable) {
            return; // told once already
        }
        try {
            Files.createDirectories(directory);
            AtomicOutput.write(directory.resolve(name), parts);
            evict();
        } catch (IOException | InputException e) {
            unwritable = true;
            // The directory and the reason, not the file: the same words for every file a run fails to write, so
            // that the run's log shows them once.
            IOException cause = e instanceof IOException io ? io
                    : e.getCause() instanceof IOException io ? io : null;
            log.warn("scan cache " + directory + ": cannot be written (" + (cause != null ? IoReasons.of(cause)
                    : Messages.rootCause(e)) + "); what this scan found is not kept for the next");
        }
    }

    /** Removes a file of the cache, if it is one patchsite wrote; a failure only leaves it to be ignored. */
    void remove(String name) {
        Path file = directory.resolve(name);
        if (Files.isRegularFile(file) && isCacheFile(file)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A delta left behind is never wrong, only useless: its records serve only entries of their name,
                // CRC-32 and sizes, and only with the functions of the base beside it.
            }
        }
    }

    /** Removes the least recently used cache files beyond {@link #MAX_FILES}; other files are not touched. */
    private void evict() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            list.forEach(files::add);
        }
        if (files.size() <= MAX_FILES) {
            return;
        }
        files.sort(Comparator.comparing(ScanCache::lastUse).thenComparing(Path::toString));
        for (Path file : files.subList(0, files.size() - MAX_FILES)) {
            if (isCacheFile(file)) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isCacheFile(Path file) {
        try (var in = Files.newInputStream(file)) {
            return CacheFile.looksLikeOne(in.readNBytes(64));
        } catch (IOException e) {
            return false;
        }
    }

    private static FileTime lastUse(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Marks a file as used now, so that eviction keeps it: a file that is only read is otherwise never written. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only the order of eviction depends on it.
        }
    }

    /**
     * Names a file by 64 bits of CRCs, not a cryptographic hash: a file records what it is for (its jar, its key), so
     * two names that collide cost a scan its cache, never its result; and {@code MessageDigest} costs a fresh JVM
     * 20 ms of loading security providers.
     */
    private static String hash(String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return HexFormat.of().toHexDigits(castagnoli.getValue() << 32 | crc.getValue());
    }
}
