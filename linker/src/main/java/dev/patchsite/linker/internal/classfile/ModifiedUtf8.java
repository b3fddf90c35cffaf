package dev.patchsite.linker.internal.classfile;

/**
 * The class file's "modified UTF-8" (JVMS 4.4.7): decoding, encoding, and a hash over the encoded bytes so that a
 * name in a constant pool can be matched against a known name without decoding it.
 */
final class ModifiedUtf8 {

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private ModifiedUtf8() {
    }

    /** Decodes {@code length} bytes at {@code offset}. */
    static String decode(byte[] bytes, int offset, int length) {
        char[] chars = new char[length];
        int n = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                chars[n++] = (char) b;
            } else if ((b & 0xe0) == 0xc0 && i + 1 < end) {
                chars[n++] = (char) ((b & 0x1f) << 6 | bytes[++i] & 0x3f);
            } else if ((b & 0xf0) == 0xe0 && i + 2 < end) {
                chars[n++] = (char) ((b & 0x0f) << 12 | (bytes[i + 1] & 0x3f) << 6 | bytes[i + 2] & 0x3f);
                i += 2;
            } else {
                throw new MalformedClassException("malformed modified UTF-8 string in the constant pool");
            }
        }
        return new String(chars, 0, n);
    }

    /** Encodes a string as a class file would hold it. */
    static byte[] encode(String s) {
        int size = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            size += c >= 0x01 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        byte[] bytes = new byte[size];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x01 && c < 0x80) {
                bytes[n++] = (byte) c;
            } else if (c < 0x800) {
                bytes[n++] = (byte) (0xc0 | c >> 6);
                bytes[n++] = (byte) (0x80 | c & 0x3f);
            } else {
                bytes[n++] = (byte) (0xe0 | c >> 12);
                bytes[n++] = (byte) (0x80 | c >> 6 & 0x3f);
                bytes[n++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return bytes;
    }

    /** Returns the FNV-1a hash of {@code length} bytes at {@code offset}. */
    static int hash(byte[] bytes, int offset, int length) {
        int h = FNV_OFFSET;
        for (int i = offset; i < offset + length; i++) {
            h = (h ^ (bytes[i] & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    /** Returns the hash of a string's encoded form. */
    static int hash(String s) {
        byte[] bytes = encode(s);
        return hash(bytes, 0, bytes.length);
    }
}
