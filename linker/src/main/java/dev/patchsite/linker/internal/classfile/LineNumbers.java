package dev.patchsite.linker.internal.classfile;

import java.util.Arrays;

/** The line number tables of one {@code Code} attribute: bytecode offset to source line. */
final class LineNumbers {

    private static final LineNumbers NONE = new LineNumbers(new long[0]);

    /** Entries as {@code startPc << 32 | line}, sorted. */
    private final long[] entries;

    private LineNumbers(long[] entries) {
        this.entries = entries;
    }

    /**
     * Reads the {@code LineNumberTable} attributes of a {@code Code} attribute.
     *
     * @param buffer the class bytes
     * @param pool the constant pool
     * @param offset the offset just past the bytecode, where the exception table starts
     * @param end the offset just past the {@code Code} attribute
     * @throws MalformedClassException if a sub-attribute's length takes it out of the {@code Code} attribute
     */
    static LineNumbers read(ClassBuffer buffer, ConstantPool pool, int offset, int end) {
        offset += 2 + 8 * buffer.u2(offset);
        int count = buffer.u2(offset);
        offset += 2;
        long[] entries = new long[0];
        for (int i = 0; i < count && offset + 6 <= end; i++) {
            int length = buffer.s4(offset + 2);
            // Each attribute must lie within the Code attribute: the walk only goes forward, once.
            if (length < 0 || length > end - offset - 6) {
                throw new MalformedClassException("attribute of a Code attribute runs past its end");
            }
            if (pool.utf8(buffer.u2(offset)).equals("LineNumberTable") && length >= 2) {
                int lines = Math.min(buffer.u2(offset + 6), (length - 2) / 4);
                int first = entries.length;
                entries = Arrays.copyOf(entries, first + lines);
                for (int j = 0; j < lines; j++) {
                    int entry = offset + 8 + 4 * j;
                    entries[first + j] = (long) buffer.u2(entry) << 32 | buffer.u2(entry + 2);
                }
            }
            offset += 6 + length;
        }
        if (entries.length == 0) {
            return NONE;
        }
        Arrays.sort(entries);
        return new LineNumbers(entries);
    }

    /** Returns the line of the instruction at {@code pc}, or 0 if unknown. */
    int lineAt(int pc) {
        int found = Arrays.binarySearch(entries, (long) pc << 32 | 0xffffffffL);
        int index = found >= 0 ? found : -found - 2;
        return index < 0 ? 0 : (int) entries[index];
    }
}
