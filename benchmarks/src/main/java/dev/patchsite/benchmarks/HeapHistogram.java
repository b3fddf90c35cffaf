package dev.patchsite.benchmarks;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the class histogram of a heap dump (an HPROF file, as {@code -XX:+HeapDumpOnOutOfMemoryError} writes it):
 * what {@code jmap -histo} prints for a live JVM, which cannot be asked once its heap is full.
 *
 * <pre>
 * java -cp benchmarks.jar dev.patchsite.benchmarks.HeapHistogram DUMP.hprof [--top N]
 * </pre>
 *
 * Prints the total, then the top N (default 25) classes by shallow bytes: rank, instances, bytes, class name (arrays
 * as {@code byte[]}, {@code java.lang.String[]}). Bytes are estimated for a 64-bit JVM with compressed pointers, as
 * {@code jmap} counts them: a 12-byte header (16 for arrays) plus the fields (references as 4 bytes), rounded up to 8.
 * Exit codes: 0 ok, 1 unreadable or malformed dump, 2 usage.
 */
public final class HeapHistogram {

    private static final int UTF8 = 0x01;
    private static final int LOAD_CLASS = 0x02;
    private static final int HEAP_DUMP = 0x0c;
    private static final int HEAP_DUMP_SEGMENT = 0x1c;

    private HeapHistogram() {
    }

    /** Instances and bytes of one class. */
    private static final class Count {
        long instances;
        long bytes;
    }

    /** A class as its dump describes it: super class and the layout of its own instance fields. */
    private static final class ClassDump {
        long superId;
        int fieldBytes;   // its own fields, references counted as 4 bytes
    }

    public static void main(String[] args) throws IOException {
        Path dump = null;
        int top = 25;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--top") && i + 1 < args.length) {
                top = Integer.parseInt(args[++i]);
            } else if (args[i].startsWith("-") || dump != null) {
                usage();
            } else {
                dump = Paths.get(args[i]);
            }
        }
        if (dump == null) {
            usage();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dump), 1 << 20)) {
            new Reader(new DataInputStream(in)).read().print(top);
        } catch (EOFException e) {
            System.err.println("HeapHistogram: " + dump + ": truncated dump");
            System.exit(1);
        } catch (IOException | IllegalStateException e) {
            System.err.println("HeapHistogram: " + dump + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage() {
        System.err.println("usage: HeapHistogram DUMP.hprof [--top N]");
        System.exit(2);
    }

    private static final class Reader {
        private final DataInputStream in;
        private int idSize;
        private final Map<Long, String> strings = new HashMap<>();
        private final Map<Long, Long> classNames = new HashMap<>();   // class object id -> name string id
        private final Map<Long, ClassDump> classes = new HashMap<>();
        private final Map<Long, long[]> instancesByClass = new HashMap<>();   // class id -> {count, hprof field bytes}
        private final Map<String, Count> arrays = new HashMap<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        Reader read() throws IOException {
            StringBuilder header = new StringBuilder();
            for (int b; (b = in.readUnsignedByte()) != 0; ) {
                header.append((char) b);
            }
            if (!header.toString().startsWith("JAVA PROFILE")) {
                throw new IllegalStateException("not an HPROF file");
            }
            idSize = in.readInt();
            if (idSize != 4 && idSize != 8) {
                throw new IllegalStateException("identifier size " + idSize);
            }
            in.readLong();
            while (true) {
                int tag = in.read();
                if (tag < 0) {
                    return this;
                }
                in.readInt();
                long length = Integer.toUnsignedLong(in.readInt());
                switch (tag) {
                    case UTF8 -> {
                        long id = id();
                        byte[] bytes = new byte[Math.toIntExact(length - idSize)];
                        in.readFully(bytes);
                        strings.put(id, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                    }
                    case LOAD_CLASS -> {
                        in.readInt();
                        long classId = id();
                        in.readInt();
                        classNames.put(classId, id());
                    }
                    case HEAP_DUMP, HEAP_DUMP_SEGMENT -> heapDump(length);
                    default -> skip(length);
                }
            }
        }

        private void heapDump(long length) throws IOException {
            long end = length;
            long read = 0;
            while (read < end) {
                int sub = in.readUnsignedByte();
                read += 1;
                switch (sub) {
                    case 0xff, 0x05, 0x07 -> read += skip(idSize);                    // unknown, sticky class, monitor
                    case 0x01 -> read += skip(2L * idSize);                           // JNI global
                    case 0x02, 0x03, 0x08 -> read += skip(idSize + 8L);               // JNI local, frame, thread
                    case 0x04, 0x06 -> read += skip(idSize + 4L);                     // native stack, thread block
                    case 0x20 -> read += classDump();
                    case 0x21 -> {                                                   // instance
                        id();
                        in.readInt();
                        long classId = id();
                        int bytes = in.readInt();
                        skip(bytes);
                        long[] c = instancesByClass.computeIfAbsent(classId, k -> new long[1]);
                        c[0]++;
                        read += 2L * idSize + 8 + bytes;
                    }
                    case 0x22 -> {                                                   // object array
                        id();
                        in.readInt();
                        int n = in.readInt();
                        long classId = id();
                        skip((long) n * idSize);
                        add(arrays, className(classId), align(16 + 4L * n));
                        read += 2L * idSize + 8 + (long) n * idSize;
                    }
                    case 0x23 -> {                                                   // primitive array
                        id();
                        in.readInt();
                        int n = in.readInt();
                        int type = in.readUnsignedByte();
                        int size = typeSize(type);
                        skip((long) n * size);
                        add(arrays, primitiveName(type) + "[]", align(16 + (long) n * size));
                        read += idSize + 9 + (long) n * size;
                    }
                    default -> throw new IllegalStateException("unknown heap dump record 0x"
                            + Integer.toHexString(sub));
                }
            }
        }

        private long classDump() throws IOException {
            long read = 0;
            long classId = id();
            in.readInt();
            ClassDump dump = new ClassDump();
            dump.superId = id();
            skip(5L * idSize);
            in.readInt();
            read += 7L * idSize + 8;
            int constants = in.readUnsignedShort();
            read += 2;
            for (int i = 0; i < constants; i++) {
                in.readUnsignedShort();
                int type = in.readUnsignedByte();
                read += 3 + skip(typeSize(type));
            }
            int statics = in.readUnsignedShort();
            read += 2;
            for (int i = 0; i < statics; i++) {
                id();
                int type = in.readUnsignedByte();
                read += idSize + 1 + skip(typeSize(type));
            }
            int fields = in.readUnsignedShort();
            read += 2;
            for (int i = 0; i < fields; i++) {
                id();
                int type = in.readUnsignedByte();
                dump.fieldBytes += type == 2 ? 4 : typeSize(type);
                read += idSize + 1;
            }
            classes.put(classId, dump);
            return read;
        }

        void print(int top) {
            Map<String, Count> all = new HashMap<>(arrays);
            for (Map.Entry<Long, long[]> e : instancesByClass.entrySet()) {
                int fieldBytes = 0;
                for (ClassDump c = classes.get(e.getKey()); c != null; c = classes.get(c.superId)) {
                    fieldBytes += c.fieldBytes;
                }
                long each = align(12 + fieldBytes);
                Count c = all.computeIfAbsent(className(e.getKey()), k -> new Count());
                c.instances += e.getValue()[0];
                c.bytes += each * e.getValue()[0];
            }
            List<Map.Entry<String, Count>> sorted = new ArrayList<>(all.entrySet());
            sorted.sort((a, b) -> a.getValue().bytes != b.getValue().bytes
                    ? Long.compare(b.getValue().bytes, a.getValue().bytes) : a.getKey().compareTo(b.getKey()));
            long instances = 0;
            long bytes = 0;
            for (Map.Entry<String, Count> e : sorted) {
                instances += e.getValue().instances;
                bytes += e.getValue().bytes;
            }
            System.out.printf("total: %,d objects, %,d bytes (%.1f MiB), %d classes%n", instances, bytes,
                    bytes / 1048576.0, sorted.size());
            System.out.printf("%4s %12s %14s  %s%n", "#", "instances", "bytes", "class");
            for (int i = 0; i < Math.min(top, sorted.size()); i++) {
                Count c = sorted.get(i).getValue();
                System.out.printf("%4d %,12d %,14d  %s%n", i + 1, c.instances, c.bytes, sorted.get(i).getKey());
            }
        }

        private String className(long classId) {
            Long nameId = classNames.get(classId);
            String name = nameId == null ? null : strings.get(nameId);
            if (name == null) {
                return "<class 0x" + Long.toHexString(classId) + ">";
            }
            // Array classes are named by descriptor: [Ljava/lang/String; -> java.lang.String[]
            int dims = 0;
            while (dims < name.length() && name.charAt(dims) == '[') {
                dims++;
            }
            String base = name.substring(dims);
            if (dims > 0) {
                base = base.startsWith("L") && base.endsWith(";") ? base.substring(1, base.length() - 1)
                        : base.length() == 1 ? primitiveName(base.charAt(0)) : base;
            }
            return base.replace('/', '.') + "[]".repeat(dims);
        }

        private long id() throws IOException {
            return idSize == 4 ? Integer.toUnsignedLong(in.readInt()) : in.readLong();
        }

        private long skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    in.readByte();
                    skipped = 1;
                }
                left -= skipped;
            }
            return n;
        }

        private int typeSize(int type) {
            return switch (type) {
                case 2 -> idSize;
                case 4, 8 -> 1;
                case 5, 9 -> 2;
                case 6, 10 -> 4;
                case 7, 11 -> 8;
                default -> throw new IllegalStateException("unknown basic type " + type);
            };
        }
    }

    private static void add(Map<String, Count> counts, String name, long bytes) {
        Count c = counts.computeIfAbsent(name, k -> new Count());
        c.instances++;
        c.bytes += bytes;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    private static String primitiveName(int hprofType) {
        return switch (hprofType) {
            case 4 -> "boolean";
            case 5 -> "char";
            case 6 -> "float";
            case 7 -> "double";
            case 8 -> "byte";
            case 9 -> "short";
            case 10 -> "int";
            case 11 -> "long";
            default -> "type" + hprofType;
        };
    }

    private static String primitiveName(char descriptor) {
        return switch (descriptor) {
            case 'Z' -> "boolean";
            case 'C' -> "char";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'B' -> "byte";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            default -> String.valueOf(descriptor);
        };
    }
}
