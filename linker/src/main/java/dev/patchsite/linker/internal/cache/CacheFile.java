package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.internal.declarations.ClassInfo;
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
 * the fingerprint of the functions its sites were found with; one record per class entry, in the jar's order; a
 * CRC-32C of everything before it, so that a truncated or damaged file is told from a good one before any of it is
 * used. Numbers are big-endian, strings a length and UTF-8 bytes. A file is trusted only whole: any doubt makes it
 * {@link Unusable}.
 */
final class CacheFile {

    private static final byte[] MAGIC = "patchsite scan cache\n".getBytes(StandardCharsets.US_ASCII);
    /** The layout's version: a change to what a record holds or means changes it. */
    private static final int FORMAT = 1;
    /**
     * The classes whose code decides what a record holds; their bytes are part of the version, so that a build of the
     * same version number (a snapshot) that scans differently does not trust another's records.
     */
    private static final List<String> SCANNING_CLASSES = List.of("scan/Scanner", "scan/SiteScanner", "scan/PoolPeek",
            "scan/LinkedForms", "scan/OwnerBlooms", "internal/declarations/DeclarationReader",
            "internal/classfile/ConstantPool", "internal/cache/CacheFile");
    /** The version of patchsite: a scanner that finds other sites in the same bytes must not use older records. */
    static final String VERSION = version();
    private static final int FLAG_DECLARES = 1;
    private static final int FLAG_DECLARATION = 2;
    private static final int FLAG_SITES = 4;
    private static final SiteKind[] KINDS = SiteKind.values();
    private static final Binding.Kind[] BINDINGS = Binding.Kind.values();

    private CacheFile() {
    }

    /**
     * One class entry's record: its key (name hash, CRC-32 and sizes) and what it contributed.
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
     * A file's contents.
     *
     * @param input the jar the file is for, as an absolute path
     * @param fingerprint the fingerprint of the functions the sites were found with
     * @param entries the records, in the jar's order
     */
    record Contents(String input, byte[] fingerprint, List<Entry> entries) {
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

    /** Encodes a jar's records. */
    static byte[] encode(String input, byte[] fingerprint, List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 56);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            string(out, VERSION);
            string(out, input);
            out.writeInt(fingerprint.length);
            out.write(fingerprint);
            out.writeInt(entries.size());
            for (Entry entry : entries) {
                entry(out, entry);
            }
            out.flush();
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void entry(DataOutputStream out, Entry entry) throws IOException {
        out.writeLong(entry.nameHash());
        out.writeInt((int) entry.crc());
        out.writeLong(entry.compressedSize());
        out.writeLong(entry.size());
        ClassFacts facts = entry.facts();
        out.writeInt(facts.superHash());
        out.writeLong(facts.owners0());
        out.writeLong(facts.owners1());
        out.writeByte((facts.declares() ? FLAG_DECLARES : 0) | (facts.declaration() != null ? FLAG_DECLARATION : 0)
                | (facts.sites() != null ? FLAG_SITES : 0));
        if (facts.declaration() != null) {
            declaration(out, facts.declaration());
        }
        if (facts.sites() != null) {
            out.writeInt(facts.sites().size());
            for (Site site : facts.sites()) {
                site(out, site);
            }
            long[] words = facts.callsDefault().toLongArray();
            out.writeInt(words.length);
            for (long word : words) {
                out.writeLong(word);
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
    }

    private static void string(DataOutputStream out, String value) throws IOException {
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
     * Decodes a file.
     *
     * @param bytes the file's bytes
     * @return its contents
     * @throws Unusable if the file is not a cache file, is damaged or truncated, or was written by another version
     */
    static Contents decode(byte[] bytes) throws Unusable {
        if (!looksLikeOne(bytes)) {
            throw new Unusable("not a patchsite scan cache", false);
        }
        if (bytes.length < MAGIC.length + 12) {
            throw new Unusable("truncated", true);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
            throw new Unusable("damaged or truncated (its checksum does not match)", true);
        }
        in.position(MAGIC.length);
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
            int count = count(in, 45);
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                entries.add(entry(in));
            }
            if (in.hasRemaining()) {
                throw new Unusable("damaged (bytes after its last record)", true);
            }
            return new Contents(input, fingerprint, entries);
        } catch (BufferUnderflowException | IllegalArgumentException | NullPointerException e) {
            throw new Unusable("damaged (" + e.getClass().getSimpleName() + " while reading it)", true);
        }
    }

    private static Entry entry(ByteBuffer in) {
        long nameHash = in.getLong();
        long crc = Integer.toUnsignedLong(in.getInt());
        long compressedSize = in.getLong();
        long size = in.getLong();
        int superHash = in.getInt();
        long owners0 = in.getLong();
        long owners1 = in.getLong();
        int flags = in.get();
        if ((flags & ~(FLAG_DECLARES | FLAG_DECLARATION | FLAG_SITES)) != 0) {
            throw new IllegalArgumentException("flags");
        }
        ClassInfo declaration = (flags & FLAG_DECLARATION) != 0 ? declaration(in) : null;
        List<Site> sites = null;
        BitSet callsDefault = null;
        if ((flags & FLAG_SITES) != 0) {
            int n = count(in, 30);
            sites = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sites.add(site(in));
            }
            long[] words = new long[count(in, 8)];
            for (int i = 0; i < words.length; i++) {
                words[i] = in.getLong();
            }
            callsDefault = BitSet.valueOf(words);
            sites = List.copyOf(sites);
        }
        return new Entry(nameHash, crc, compressedSize, size, new ClassFacts(superHash, owners0, owners1,
                (flags & FLAG_DECLARES) != 0, declaration, sites, callsDefault));
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
        return new Site(function, caller, release, ordinal, kind, superCall, line, offset, binding, nullable(in));
    }

    /** Reads a count of items each at least {@code minBytes} long, refusing one the rest of the file cannot hold. */
    private static int count(ByteBuffer in, int minBytes) {
        int count = in.getInt();
        if (count < 0 || (long) count * minBytes > in.remaining()) {
            throw new IllegalArgumentException("count");
        }
        return count;
    }

    private static String string(ByteBuffer in) {
        int length = count(in, 1);
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static String nullable(ByteBuffer in) {
        return bool(in) ? string(in) : null;
    }

    private static boolean bool(ByteBuffer in) {
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
