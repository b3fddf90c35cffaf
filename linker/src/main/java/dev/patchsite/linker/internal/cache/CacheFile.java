package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.io.ChunkedIo;
import dev.patchsite.linker.internal.io.OpenByteArrayOutputStream;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import java.util.zip.CRC32C;

/**
 * The file format of one jar's cache: a header naming the format, the patchsite version that wrote it, the jar and
 * the fingerprint of the functions its sites were found with; one fixed-size record per class entry, in the jar's
 * order (its key, its pool's hashes, flags, and where its extras are), so that an entry's record is found and read
 * in place without decoding the others; the extras (declarations and sites) of the few entries that have them; and a
 * CRC-32C of everything before it, so that a truncated or damaged file is told from a good one before any of it is
 * used. Numbers are big-endian, strings a length and UTF-8 bytes. A file is checked whole when it is opened
 * ({@link #open}): any doubt makes it {@link Unusable}.
 */
final class CacheFile {

    static final byte[] MAGIC = "patchsite scan cache\n".getBytes(StandardCharsets.US_ASCII);
    /** The layout's version: a change to what a record holds or means changes it. */
    private static final int FORMAT = 3;
    /**
     * The classes whose code decides what a record holds; their bytes are part of the version, so that a build of the
     * same version number (a snapshot) that scans differently does not trust another's records.
     */
    static final List<String> SCANNING_CLASSES = List.of("scan/Scanner", "scan/SiteScanner", "scan/PoolPeek",
            "scan/LinkedForms", "scan/OwnerBlooms", "internal/declarations/DeclarationReader",
            "internal/classfile/ConstantPool", "internal/classfile/PatchedOutCalls", "internal/classfile/PatchOut",
            "internal/cache/CacheFile", "internal/cache/TableFile");
    /** The version of patchsite: a scanner that finds other sites in the same bytes must not use older records. */
    static final String VERSION = version();
    /** The bytes of a record: name hash, CRC-32, sizes, super hash, owner bloom, flags, extras offset. */
    static final int RECORD = 8 + 4 + 8 + 8 + 4 + 8 + 8 + 4 + 4;
    /** Where in a record its flags are. */
    private static final int FLAGS_AT = 48;
    /** Where in a record the offset of its extras is, -1 for none. */
    private static final int EXTRA_AT = 52;
    private static final int FLAG_DECLARES = 1;
    private static final int FLAG_DECLARATION = 2;
    private static final int FLAG_SITES = 4;
    private static final SiteKind[] KINDS = SiteKind.values();
    private static final Binding.Kind[] BINDINGS = Binding.Kind.values();

    private CacheFile() {
    }

    /**
     * One class entry's record as a scan leaves it: its key (name hash, CRC-32 and sizes) and what it contributed.
     *
     * @param nameHash the hash of the entry's name ({@link dev.patchsite.linker.internal.input.EntryStamp#nameHash()})
     * @param crc the CRC-32 the jar's directory gives
     * @param compressedSize the compressed size the directory gives
     * @param size the uncompressed size the directory gives
     * @param facts what the entry contributed to the scan
     */
    record Entry(long nameHash, long crc, long compressedSize, long size, ClassFacts facts) {
    }

    /**
     * An opened file: its header, its records read in place, and the extras of the records that have them, decoded.
     */
    static final class Opened {
        private final String input;
        private final byte[] fingerprint;
        private final ByteBuffer records;
        private final int count;
        private final ByteBuffer extras;
        /** Per record with extras: where its extras end, so that they can be copied as they are. */
        private final int[] extrasEnd;
        private final ClassInfo[] declarations;
        private final List<Site>[] sites;
        private final BitSet[] callsDefault;

        @SuppressWarnings("unchecked")
        private Opened(String input, byte[] fingerprint, ByteBuffer records, int count, ByteBuffer extras) {
            this.input = input;
            this.fingerprint = fingerprint;
            this.records = records;
            this.count = count;
            this.extras = extras;
            this.extrasEnd = new int[count];
            this.declarations = new ClassInfo[count];
            this.sites = new List[count];
            this.callsDefault = new BitSet[count];
        }

        /** Returns the jar the file is for, as an absolute path. */
        String input() {
            return input;
        }

        /** Returns the fingerprint of the functions the sites were found with. */
        byte[] fingerprint() {
            return fingerprint;
        }

        /** Returns the number of records. */
        int count() {
            return count;
        }

        /** Returns how many bytes of extras the records have. */
        int extrasSize() {
            return extras.capacity();
        }

        long nameHash(int r) {
            return records.getLong(r * RECORD);
        }

        long crc(int r) {
            return Integer.toUnsignedLong(records.getInt(r * RECORD + 8));
        }

        long compressedSize(int r) {
            return records.getLong(r * RECORD + 12);
        }

        long size(int r) {
            return records.getLong(r * RECORD + 20);
        }

        int superHash(int r) {
            return records.getInt(r * RECORD + 28);
        }

        long owners(int r, int word) {
            return records.getLong(r * RECORD + 32 + 8 * word);
        }

        boolean declares(int r) {
            return (flags(r) & FLAG_DECLARES) != 0;
        }

        private int flags(int r) {
            return records.getInt(r * RECORD + FLAGS_AT);
        }

        private int extra(int r) {
            return records.getInt(r * RECORD + EXTRA_AT);
        }

        /** Returns the class as validation read it, with an empty location, or null. */
        ClassInfo declaration(int r) {
            return declarations[r];
        }

        /** Returns the sites, or null for none. */
        List<Site> sites(int r) {
            return sites[r];
        }

        /** Returns which sites call the default in a linked form, or null when there are no sites. */
        BitSet callsDefault(int r) {
            return callsDefault[r];
        }
    }

    /** Why a file cannot be used; {@link #ours()} says whether patchsite wrote it (and may replace it). */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean ours;

        Unusable(String reason, boolean ours) {
            super(reason, null, false, false);
            this.ours = ours;
        }

        boolean ours() {
            return ours;
        }
    }

    /** Returns whether the bytes start as a cache file does (of any version). */
    static boolean looksLikeOne(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Writes a jar's records, in the jar's order, into a new file: records the scan made are encoded, records kept
     * from the file the scan opened are copied as raw bytes with their extras, which is most of them when a few
     * classes changed.
     */
    static final class Writer {
        private final ByteBuffer records;
        private final OpenByteArrayOutputStream extraBytes;
        private final DataOutputStream extras;

        /**
         * Starts a file.
         *
         * @param count the number of records it will hold
         * @param extrasSize about how many bytes of extras it will hold, e.g. those of the file it replaces
         */
        Writer(int count, int extrasSize) {
            // The records are put in place in one buffer of their size: a DataOutputStream over a
            // ByteArrayOutputStream makes a synchronized call per byte of an int, and took a fifth of a scan that
            // changed 1% of a big jar.
            this.records = ByteBuffer.allocate(count * RECORD);
            this.extraBytes = new OpenByteArrayOutputStream(Math.max(1 << 12, extrasSize + (extrasSize >> 4)));
            this.extras = new DataOutputStream(extraBytes);
        }

        /** Adds a record the scan made. */
        void add(Entry entry) {
            try {
                entry(records, extras, extraBytes.size(), entry);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
        }

        /** Adds record {@code r} of an opened file as it is: its key and facts, and its extras copied. */
        void copy(Opened from, int r) {
            int at = records.position();
            records.put(from.records.array(), from.records.arrayOffset() + r * RECORD, RECORD);
            int extra = from.extra(r);
            if (extra >= 0) {
                records.putInt(at + EXTRA_AT, extraBytes.size());
                extraBytes.write(from.extras.array(), from.extras.arrayOffset() + extra, from.extrasEnd[r] - extra);
            }
        }

        /**
         * Returns the file's bytes as the parts it is written from, in order: the records and extras are not copied
         * into one array of the file's size, which for a big jar is megabytes a fresh JVM pays to touch.
         *
         * @param input the jar, as an absolute path
         * @param fingerprint the fingerprint of the functions the sites were found with
         * @return the file's parts, each from its position to its limit
         */
        List<ByteBuffer> finishParts(String input, byte[] fingerprint) {
            if (records.hasRemaining()) {
                throw new IllegalStateException(records.remaining() / RECORD + " records missing");
            }
            ByteArrayOutputStream headerBytes = new ByteArrayOutputStream(256);
            try (DataOutputStream header = new DataOutputStream(headerBytes)) {
                header.write(MAGIC);
                header.writeInt(FORMAT);
                string(header, VERSION);
                string(header, input);
                header.writeInt(fingerprint.length);
                header.write(fingerprint);
                header.writeInt(records.capacity() / RECORD);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            List<ByteBuffer> parts = List.of(ByteBuffer.wrap(headerBytes.toByteArray()), records.flip(),
                    ByteBuffer.allocate(4).putInt(0, extraBytes.size()), extraBytes.view());
            CRC32C crc = new CRC32C();
            parts.forEach(part -> crc.update(part.duplicate()));
            return List.of(parts.get(0), parts.get(1), parts.get(2), parts.get(3),
                    ByteBuffer.allocate(8).putLong(0, crc.getValue()));
        }

        /**
         * Returns the file's bytes in one array.
         *
         * @param input the jar, as an absolute path
         * @param fingerprint the fingerprint of the functions the sites were found with
         * @return the file
         */
        byte[] finish(String input, byte[] fingerprint) {
            return ChunkedIo.join(finishParts(input, fingerprint));
        }
    }

    /** Encodes a jar's records, every one made by the scan. */
    static byte[] encode(String input, byte[] fingerprint, List<Entry> entries) {
        Writer writer = new Writer(entries.size(), 0);
        entries.forEach(writer::add);
        return writer.finish(input, fingerprint);
    }

    /**
     * Puts an entry's record, and writes its extras, which start at {@code extrasAt}: not {@code extras.size()}, which
     * does not count the extras copied around the stream.
     */
    private static void entry(ByteBuffer out, DataOutputStream extras, int extrasAt, Entry entry) throws IOException {
        ClassFacts facts = entry.facts();
        out.putLong(entry.nameHash());
        out.putInt((int) entry.crc());
        out.putLong(entry.compressedSize());
        out.putLong(entry.size());
        out.putInt(facts.superHash());
        out.putLong(facts.owners0());
        out.putLong(facts.owners1());
        out.putInt((facts.declares() ? FLAG_DECLARES : 0) | (facts.declaration() != null ? FLAG_DECLARATION : 0)
                | (facts.sites() != null ? FLAG_SITES : 0));
        boolean hasExtras = facts.declaration() != null || facts.sites() != null;
        out.putInt(hasExtras ? extrasAt : -1);
        if (facts.declaration() != null) {
            declaration(extras, facts.declaration());
        }
        if (facts.sites() != null) {
            extras.writeInt(facts.sites().size());
            for (Site site : facts.sites()) {
                site(extras, site);
            }
            long[] words = facts.callsDefault().toLongArray();
            extras.writeInt(words.length);
            for (long word : words) {
                extras.writeLong(word);
            }
        }
    }

    private static void declaration(DataOutputStream out, ClassInfo info) throws IOException {
        string(out, info.name());
        out.writeInt(info.access());
        nullable(out, info.superName());
        out.writeInt(info.interfaces().size());
        for (String name : info.interfaces()) {
            string(out, name);
        }
        out.writeInt(info.methods().size());
        for (ClassInfo.MethodInfo method : info.methods()) {
            string(out, method.name());
            string(out, method.descriptor());
            out.writeInt(method.access());
            out.writeBoolean(method.function() != null);
            if (method.function() != null) {
                string(out, method.function().id());
                out.writeBoolean(method.function().updatable());
            }
        }
        ClassInfo.VariantAnnotation variant = info.variant();
        out.writeBoolean(variant != null);
        if (variant != null) {
            string(out, variant.of());
            string(out, variant.name());
            nullable(out, variant.when());
            out.writeInt(variant.priority());
        }
        out.writeInt(info.version());
    }

    private static void site(DataOutputStream out, Site site) throws IOException {
        string(out, site.functionId());
        string(out, site.caller().owner());
        string(out, site.caller().name());
        string(out, site.caller().descriptor());
        out.writeInt(site.release());
        out.writeInt(site.ordinal());
        out.writeByte(site.kind().ordinal());
        out.writeBoolean(site.superCall());
        out.writeInt(site.line());
        out.writeInt(site.offset());
        out.writeBoolean(site.binding() != null);
        if (site.binding() != null) {
            out.writeByte(site.binding().kind().ordinal());
            nullable(out, site.binding().reason());
        }
        nullable(out, site.via());
        nullable(out, site.in());
        nullable(out, site.sourceFile());
    }

    static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void nullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            string(out, value);
        }
    }

    /**
     * Opens a file: checks it whole and decodes the extras.
     *
     * @param bytes the file's bytes
     * @return the file, its records read in place
     * @throws Unusable if the file is not a cache file, is damaged or truncated, or was written by another version
     */
    static Opened open(byte[] bytes) throws Unusable {
        ByteBuffer in = checked(bytes);
        try {
            int format = in.getInt();
            String version = string(in);
            if (format != FORMAT || !version.equals(VERSION)) {
                throw new Unusable("written by patchsite " + version + " (format " + format + "), not by this "
                        + VERSION, true);
            }
            String input = string(in);
            byte[] fingerprint = new byte[count(in, 1)];
            in.get(fingerprint);
            int count = count(in, RECORD);
            ByteBuffer records = in.slice(in.position(), count * RECORD);
            in.position(in.position() + count * RECORD);
            int extrasLength = count(in, 1);
            ByteBuffer extras = in.slice(in.position(), extrasLength);
            in.position(in.position() + extrasLength);
            if (in.hasRemaining()) {
                throw new Unusable("damaged (bytes after its extras)", true);
            }
            Opened opened = new Opened(input, fingerprint, records, count, extras);
            for (int r = 0; r < count; r++) {
                extras(opened, r, extras);
            }
            return opened;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                | NullPointerException e) {
            throw new Unusable("damaged (" + e.getClass().getSimpleName() + " while reading it)", true);
        }
    }

    /**
     * Checks that a file is a cache file (of either kind) whose checksum matches.
     *
     * @param bytes the file's bytes
     * @return the bytes after the magic and before the checksum, from the first on
     * @throws Unusable if the file does not start as a cache file does, or is damaged or truncated
     */
    static ByteBuffer checked(byte[] bytes) throws Unusable {
        if (!looksLikeOne(bytes)) {
            throw new Unusable("not a patchsite scan cache", false);
        }
        if (bytes.length < MAGIC.length + 12) {
            throw new Unusable("damaged or truncated (too short)", true);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
            throw new Unusable("damaged or truncated (its checksum does not match)", true);
        }
        return in.position(MAGIC.length);
    }

    /** Checks a record's flags and decodes its extras, if it has any. */
    private static void extras(Opened opened, int r, ByteBuffer extras) {
        int flags = opened.flags(r);
        int at = opened.extra(r);
        // A class that declares was read whole, so its record holds it as validation read it.
        if ((flags & ~(FLAG_DECLARES | FLAG_DECLARATION | FLAG_SITES)) != 0
                || (flags & (FLAG_DECLARES | FLAG_DECLARATION)) == FLAG_DECLARES
                || (at < 0) != ((flags & (FLAG_DECLARATION | FLAG_SITES)) == 0)) {
            throw new IllegalArgumentException("flags");
        }
        if (at < 0) {
            return;
        }
        extras.position(at);
        if ((flags & FLAG_DECLARATION) != 0) {
            opened.declarations[r] = declaration(extras);
        }
        if ((flags & FLAG_SITES) != 0) {
            int n = count(extras, 30);
            List<Site> sites = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sites.add(site(extras));
            }
            long[] words = new long[count(extras, 8)];
            for (int i = 0; i < words.length; i++) {
                words[i] = extras.getLong();
            }
            opened.sites[r] = List.copyOf(sites);
            opened.callsDefault[r] = BitSet.valueOf(words);
        }
        opened.extrasEnd[r] = extras.position();
    }

    private static ClassInfo declaration(ByteBuffer in) {
        String name = string(in);
        int access = in.getInt();
        String superName = nullable(in);
        List<String> interfaces = new ArrayList<>();
        for (int i = count(in, 4); i > 0; i--) {
            interfaces.add(string(in));
        }
        List<ClassInfo.MethodInfo> methods = new ArrayList<>();
        for (int i = count(in, 13); i > 0; i--) {
            String methodName = string(in);
            String descriptor = string(in);
            int methodAccess = in.getInt();
            ClassInfo.FunctionAnnotation function = bool(in)
                    ? new ClassInfo.FunctionAnnotation(string(in), bool(in)) : null;
            methods.add(new ClassInfo.MethodInfo(methodName, descriptor, methodAccess, function));
        }
        ClassInfo.VariantAnnotation variant = bool(in)
                ? new ClassInfo.VariantAnnotation(string(in), string(in), nullable(in), in.getInt()) : null;
        return new ClassInfo(name, access, superName, interfaces, methods, variant, "", in.getInt());
    }

    private static Site site(ByteBuffer in) {
        String function = string(in);
        MethodRef caller = new MethodRef(string(in), string(in), string(in));
        int release = in.getInt();
        int ordinal = in.getInt();
        SiteKind kind = KINDS[Byte.toUnsignedInt(in.get())];
        boolean superCall = bool(in);
        int line = in.getInt();
        int offset = in.getInt();
        Binding binding = bool(in) ? new Binding(BINDINGS[Byte.toUnsignedInt(in.get())], nullable(in)) : null;
        String via = nullable(in);
        String where = nullable(in);
        return new Site(function, caller, release, ordinal, kind, superCall, line, offset, binding, via, where,
                nullable(in));
    }

    /** Reads a count of items each at least {@code minBytes} long, refusing one the rest of the file cannot hold. */
    static int count(ByteBuffer in, int minBytes) {
        int count = in.getInt();
        if (count < 0 || (long) count * minBytes > in.remaining()) {
            throw new IllegalArgumentException("count");
        }
        return count;
    }

    static String string(ByteBuffer in) {
        byte[] utf8 = new byte[count(in, 1)];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String nullable(ByteBuffer in) {
        return bool(in) ? string(in) : null;
    }

    static boolean bool(ByteBuffer in) {
        byte b = in.get();
        if (b != 0 && b != 1) {
            throw new IllegalArgumentException("boolean");
        }
        return b == 1;
    }

    private static String version() {
        Properties properties = new Properties();
        CRC32C code = new CRC32C();
        // dev/patchsite/linker/version.properties, which the build fills in, and the scanning classes beside it.
        try (InputStream in = PatchsiteException.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
            for (String name : SCANNING_CLASSES) {
                try (InputStream classFile = PatchsiteException.class.getResourceAsStream(name + ".class")) {
                    code.update(classFile == null ? new byte[0] : classFile.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown") + "+" + Long.toHexString(code.getValue());
    }
}
