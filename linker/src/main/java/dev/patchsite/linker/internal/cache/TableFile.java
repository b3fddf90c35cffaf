package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.internal.io.ChunkedIo;
import dev.patchsite.linker.internal.io.OpenByteArrayOutputStream;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.Variant;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The file format of a whole scan's result: the table a scan of a program gave, with the messages it logged, and the
 * key of the inputs it was scanned from, so that a scan of the same inputs returns it without opening a class.
 *
 * <p>A header as {@link CacheFile}'s (its magic, then {@link #FORMAT}, which no jar's cache file has, and the
 * version of patchsite); the key, compared byte for byte; the messages; the table's strings, each once; the
 * functions, variants and sites, their strings given by number; and a CRC-32C of everything before it. Numbers are
 * big-endian, a string's number is -1 for none. A file is checked whole before any of it is used.
 */
final class TableFile {

    /** The layout's version; distinct from every {@link CacheFile} format. */
    private static final int FORMAT = 1001;
    private static final SiteKind[] KINDS = SiteKind.values();
    private static final Binding.Kind[] BINDINGS = Binding.Kind.values();

    private TableFile() {
    }

    /**
     * What a file holds.
     *
     * @param messages the messages the scan logged, in order
     * @param table the table
     */
    record Contents(List<RecordingLog.Message> messages, PatchSiteTable table) {
    }

    /** Encodes a scan's result under its key, as the parts the file is written from ({@link ChunkedIo}). */
    static List<ByteBuffer> encode(byte[] key, List<RecordingLog.Message> messages, PatchSiteTable table) {
        Strings strings = new Strings();
        OpenByteArrayOutputStream bodyBytes = new OpenByteArrayOutputStream(64 + 64 * table.sites().size());
        OpenByteArrayOutputStream headBytes = new OpenByteArrayOutputStream(256 + 48 * table.sites().size());
        try (DataOutputStream body = new DataOutputStream(bodyBytes); DataOutputStream head = new DataOutputStream(
                headBytes)) {
            body.writeInt(messages.size());
            for (RecordingLog.Message message : messages) {
                body.writeBoolean(message.warning());
                body.writeInt(strings.of(message.text()));
            }
            body.writeInt(table.functions().size());
            for (Function function : table.functions()) {
                body.writeInt(strings.of(function.id()));
                method(body, strings, function.method());
                body.writeBoolean(function.updatable());
                body.writeBoolean(function.declared());
            }
            body.writeInt(table.variants().size());
            for (Variant variant : table.variants()) {
                body.writeInt(strings.of(variant.group()));
                body.writeInt(strings.of(variant.name()));
                body.writeInt(strings.of(variant.className()));
                body.writeInt(variant.priority());
                body.writeInt(strings.of(variant.when()));
                body.writeInt(variant.implemented().size());
                for (String id : variant.implemented()) {
                    body.writeInt(strings.of(id));
                }
            }
            body.writeInt(table.sites().size());
            for (Site site : table.sites()) {
                site(body, strings, site);
            }
            head.write(CacheFile.MAGIC);
            head.writeInt(FORMAT);
            CacheFile.string(head, CacheFile.VERSION);
            head.writeInt(key.length);
            head.write(key);
            head.writeInt(strings.list.size());
            for (String string : strings.list) {
                CacheFile.string(head, string);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        ByteBuffer headPart = headBytes.view();
        ByteBuffer bodyPart = bodyBytes.view();
        CRC32C crc = new CRC32C();
        crc.update(headPart.duplicate());
        crc.update(bodyPart.duplicate());
        return List.of(headPart, bodyPart, ByteBuffer.allocate(8).putLong(0, crc.getValue()));
    }

    private static void method(DataOutputStream out, Strings strings, MethodRef method) throws IOException {
        out.writeInt(strings.of(method.owner()));
        out.writeInt(strings.of(method.name()));
        out.writeInt(strings.of(method.descriptor()));
    }

    private static void site(DataOutputStream out, Strings strings, Site site) throws IOException {
        out.writeInt(strings.of(site.functionId()));
        method(out, strings, site.caller());
        out.writeInt(site.release());
        out.writeInt(site.ordinal());
        out.writeByte(site.kind().ordinal());
        out.writeBoolean(site.superCall());
        out.writeInt(site.line());
        out.writeInt(site.offset());
        out.writeByte(site.binding() == null ? -1 : site.binding().kind().ordinal());
        out.writeInt(strings.of(site.binding() == null ? null : site.binding().reason()));
        out.writeInt(strings.of(site.via()));
        out.writeInt(strings.of(site.in()));
        out.writeInt(strings.of(site.sourceFile()));
    }

    /**
     * Returns whether a file whose first bytes these are may hold the result of the scan of this key: false only if
     * they are those of a table file of this version written under another key, which a changed program's scan can
     * skip without reading the rest; anything else (another version, a damaged or short file) is for {@link #open} to
     * judge. A key that matches still needs the whole file checked. A file damaged within its key is thus taken for
     * another key's and replaced without a warning: never trusted, as a damaged file never is.
     *
     * @param head the file's first bytes
     * @param key the key of the scan that asks
     * @return whether the file must be opened whole
     */
    static boolean mayHold(byte[] head, byte[] key) {
        if (!CacheFile.looksLikeOne(head)) {
            return true;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(head).position(CacheFile.MAGIC.length);
            if (in.getInt() != FORMAT || !CacheFile.string(in).equals(CacheFile.VERSION)) {
                return true;
            }
            int keyLength = in.getInt();
            return keyLength == key.length && (in.remaining() < keyLength
                    || Arrays.equals(head, in.position(), in.position() + keyLength, key, 0, keyLength));
        } catch (RuntimeException e) {
            return true; // a damaged header: open tells what is wrong
        }
    }

    /**
     * Opens a file: checks it whole and, if it was written under the given key, decodes it.
     *
     * @param bytes the file's bytes
     * @param key the key of the scan that asks
     * @return the contents, or null if the file holds the result of other inputs
     * @throws CacheFile.Unusable if the file is not a cache file of this kind, is damaged or truncated, or was
     *     written by another version
     */
    static Contents open(byte[] bytes, byte[] key) throws CacheFile.Unusable {
        ByteBuffer in = CacheFile.checked(bytes);
        try {
            int format = in.getInt();
            String version = CacheFile.string(in);
            if (format != FORMAT || !version.equals(CacheFile.VERSION)) {
                throw new CacheFile.Unusable("written by patchsite " + version + " (format " + format
                        + "), not by this " + CacheFile.VERSION, true);
            }
            int keyLength = CacheFile.count(in, 1);
            if (keyLength != key.length || !Arrays.equals(bytes, in.position(), in.position() + keyLength, key, 0,
                    keyLength)) {
                return null;
            }
            in.position(in.position() + keyLength);
            String[] strings = new String[CacheFile.count(in, 4)];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = CacheFile.string(in);
            }
            Contents contents = contents(in, strings);
            if (in.hasRemaining()) {
                throw new CacheFile.Unusable("damaged (bytes after its table)", true);
            }
            return contents;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                | NullPointerException e) {
            throw new CacheFile.Unusable("damaged (" + e.getClass().getSimpleName() + " while reading it)", true);
        }
    }

    private static Contents contents(ByteBuffer in, String[] strings) {
        List<RecordingLog.Message> messages = new ArrayList<>();
        for (int i = CacheFile.count(in, 5); i > 0; i--) {
            messages.add(new RecordingLog.Message(CacheFile.bool(in), string(in, strings)));
        }
        List<Function> functions = new ArrayList<>();
        for (int i = CacheFile.count(in, 18); i > 0; i--) {
            functions.add(new Function(string(in, strings), method(in, strings), CacheFile.bool(in),
                    CacheFile.bool(in)));
        }
        List<Variant> variants = new ArrayList<>();
        for (int i = CacheFile.count(in, 24); i > 0; i--) {
            String group = string(in, strings);
            String name = string(in, strings);
            String className = string(in, strings);
            int priority = in.getInt();
            String when = nullable(in, strings);
            List<String> implemented = new ArrayList<>();
            for (int j = CacheFile.count(in, 4); j > 0; j--) {
                implemented.add(string(in, strings));
            }
            variants.add(new Variant(group, name, className, priority, when, implemented));
        }
        int count = CacheFile.count(in, 50);
        List<Site> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String function = string(in, strings);
            MethodRef caller = method(in, strings);
            int release = in.getInt();
            int ordinal = in.getInt();
            SiteKind kind = KINDS[Byte.toUnsignedInt(in.get())];
            boolean superCall = CacheFile.bool(in);
            int line = in.getInt();
            int offset = in.getInt();
            byte bindingKind = in.get();
            String reason = nullable(in, strings);
            Binding binding = bindingKind == -1 ? null : new Binding(BINDINGS[bindingKind], reason);
            sites.add(new Site(function, caller, release, ordinal, kind, superCall, line, offset, binding,
                    nullable(in, strings), nullable(in, strings), nullable(in, strings)));
        }
        return new Contents(messages, new PatchSiteTable(functions, variants, sites));
    }

    private static MethodRef method(ByteBuffer in, String[] strings) {
        return new MethodRef(string(in, strings), string(in, strings), string(in, strings));
    }

    private static String string(ByteBuffer in, String[] strings) {
        String string = nullable(in, strings);
        if (string == null) {
            throw new IllegalArgumentException("string");
        }
        return string;
    }

    private static String nullable(ByteBuffer in, String[] strings) {
        int index = in.getInt();
        return index == -1 ? null : strings[index];
    }

    /** The distinct strings of a table, numbered in the order first met. */
    private static final class Strings {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> list = new ArrayList<>();

        int of(String string) {
            if (string == null) {
                return -1;
            }
            return numbers.computeIfAbsent(string, s -> {
                list.add(s);
                return list.size() - 1;
            });
        }
    }
}
