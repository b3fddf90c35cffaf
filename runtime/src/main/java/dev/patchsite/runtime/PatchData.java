package dev.patchsite.runtime;

import java.nio.charset.StandardCharsets;

/**
 * The patch data the linker leaves in a class linked in {@code boot} mode, for the agent to patch the class's sites
 * as it loads. It is the payload of the class's last attribute, {@code PatchSites}, so that it ends the class file
 * and the agent finds it by looking at the last eight bytes, without parsing the class:
 *
 * <pre>
 * u1  version (2)
 * u2  group count, then per group: utf name, u2 variant count, per variant: utf name
 * u2  site count, then per site:
 *       u4 offset of the invokestatic instruction in the class file
 *       u2 constant pool index it holds now (the function's Methodref)
 *       u2 group number
 *       u2 index of the Methodref of the function's default body, or 0 to patch the call out
 *       u2 option count, then per option: u2 variant number, u2 index of the variant's Methodref, or 0 to patch
 *          the call out
 *       u1[3] (version 2) the instruction that patches the call out: the pops of its arguments and nops
 * u4  length of everything above
 * u4  {@link #MAGIC}
 * </pre>
 *
 * {@code utf} is a u2 length followed by UTF-8 bytes. A target given as 0 is a {@code void} body that does nothing
 * (a tracepoint that is off), in a class whose initialization does nothing either: the agent replaces the call by
 * the three bytes that pop its arguments, so the site costs nothing in any tier. The linker writes 0 only where
 * those pops fit in the call's three bytes. Version 1 (no patch-out bytes, no target 0) is still read. Public so
 * the linker writes what the agent reads; not an API for programs.
 */
public final class PatchData {

    /** The attribute's name. */
    public static final String ATTRIBUTE = "PatchSites";
    /** The format version the linker writes. */
    public static final int VERSION = 2;
    /** The first format version, still read: without patch-out bytes. */
    static final int VERSION_1 = 1;
    /** How many bytes a site's patch-out instruction has: those of the {@code invokestatic} it replaces. */
    public static final int CALL_LENGTH = 3;
    /** The last four bytes of a class carrying patch data: "PSIT". */
    public static final int MAGIC = 0x50534954;
    /** The {@code invokestatic} opcode. */
    static final int INVOKESTATIC = 0xb8;

    private final byte[] bytes;
    private final int end;
    private int position;

    private PatchData(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    /**
     * Returns the patch data at the end of a class file, or null if it has none.
     *
     * @param classFile the class file
     * @return a reader positioned at the payload, or null
     */
    static PatchData find(byte[] classFile) {
        int length = classFile.length;
        if (length < 18 || u4(classFile, length - 4) != MAGIC) {
            return null;
        }
        int payload = u4(classFile, length - 8);
        int start = length - 8 - payload;
        if (payload < 0 || start < 16 || u4(classFile, start - 4) != payload + 8) {
            return null;
        }
        return new PatchData(classFile, start, length - 8);
    }

    /**
     * Returns the class file offsets of the instructions a class's patch data lets the agent patch, for the linker's
     * {@code verify}.
     *
     * @param classFile the class file
     * @return the offsets, in patch-data order; empty if the class has no patch data
     * @throws IllegalStateException if the patch data runs past its end
     */
    public static int[] patchOffsets(byte[] classFile) {
        int[][] sites = patchSites(classFile);
        int[] offsets = new int[sites.length];
        for (int s = 0; s < sites.length; s++) {
            offsets[s] = sites[s][0];
        }
        return offsets;
    }

    /**
     * Returns, per site of a class's patch data, the offset of its instruction and the instruction the agent may
     * patch it out with, for the linker's {@code verify}.
     *
     * @param classFile the class file
     * @return per site, in patch-data order, {offset, the three patch-out bytes big-endian if a target is given as 0,
     *     else -1}; empty if the class has no patch data
     * @throws IllegalStateException if the patch data runs past its end
     */
    public static int[][] patchSites(byte[] classFile) {
        PatchData data = find(classFile);
        int version = data == null ? 0 : data.u1();
        if (version != VERSION && version != VERSION_1) {
            return new int[0][];
        }
        int groups = data.u2();
        for (int g = 0; g < groups; g++) {
            data.utf();
            int variants = data.u2();
            for (int v = 0; v < variants; v++) {
                data.utf();
            }
        }
        int[][] sites = new int[data.u2()][];
        for (int s = 0; s < sites.length; s++) {
            int offset = data.u4();
            data.skip(4);
            boolean out = data.u2() == 0;
            for (int o = data.u2(); o > 0; o--) {
                data.skip(2);
                out |= data.u2() == 0;
            }
            int patchOut = version == VERSION ? data.u1() << 16 | data.u1() << 8 | data.u1() : -1;
            sites[s] = new int[] {offset, out ? patchOut : -1};
        }
        return sites;
    }

    int u1() {
        need(1);
        return bytes[position++] & 0xff;
    }

    int u2() {
        need(2);
        int value = (bytes[position] & 0xff) << 8 | bytes[position + 1] & 0xff;
        position += 2;
        return value;
    }

    int u4() {
        need(4);
        int value = u4(bytes, position);
        position += 4;
        return value;
    }

    String utf() {
        int length = u2();
        need(length);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Skips bytes, as {@link #u1} would read them. */
    void skip(int count) {
        need(count);
        position += count;
    }

    /** Checks that the payload holds {@code count} more bytes: a class is data, and its patch data may lie. */
    private void need(int count) {
        if (count < 0 || position > end - count) {
            throw new IllegalStateException("patch data runs past its end at offset " + position);
        }
    }

    static int u4(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }
}
