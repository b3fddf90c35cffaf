package dev.patchsite.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes patch data as {@link PatchData} documents it, and a class file that ends with it, for the runtime's tests
 * (the linker's writer is in another module). The class is not parsed by the agent, so only its first bytes and the
 * instructions the sites name need to be real: {@link #CLASS_BODY} has two {@code invokestatic #7} at
 * {@link #FIRST_CALL} and {@link #SECOND_CALL}.
 */
final class PatchDataBytes {

    /** The offset of the first {@code invokestatic #7} in {@link #CLASS_BODY}. */
    static final int FIRST_CALL = 10;
    /** The offset of the second {@code invokestatic #7} in {@link #CLASS_BODY}. */
    static final int SECOND_CALL = 16;
    /** The constant pool index the calls of {@link #CLASS_BODY} hold. */
    static final int FUNCTION_REF = 7;
    /** The start of a class file: magic, version 52, and two calls amid other bytes. */
    static final byte[] CLASS_BODY = {
        (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 52, 0x2a, 0x1b,
        (byte) 0xb8, 0, FUNCTION_REF, 0x2a, 0x1b, 0x04,
        (byte) 0xb8, 0, FUNCTION_REF, (byte) 0xb1, 0, 0, 0, 0,
    };

    private int version = PatchData.VERSION;
    private final List<byte[]> groups = new ArrayList<>();
    private final List<byte[]> sites = new ArrayList<>();
    /** Per site, the instruction that patches it out (version 2). */
    private final List<byte[]> patchOuts = new ArrayList<>();
    private int extraSites;

    /**
     * Sets the format version written.
     *
     * @param value the version
     * @return this
     */
    PatchDataBytes version(int value) {
        version = value;
        return this;
    }

    /**
     * Adds a group.
     *
     * @param name the group's binary name
     * @param variants the variants the class's link knew, numbered from 0 in this order
     * @return this
     */
    PatchDataBytes group(String name, String... variants) {
        groups.add(write(out -> {
            out.writeUTF(name);
            out.writeShort(variants.length);
            for (String variant : variants) {
                out.writeUTF(variant);
            }
        }));
        return this;
    }

    /**
     * Adds a site.
     *
     * @param offset the offset of its {@code invokestatic} in the class file
     * @param group the group's number
     * @param defaultRef the constant pool index of the function's default body
     * @param options pairs of a variant's number and the constant pool index of its implementation
     * @return this
     */
    PatchDataBytes site(int offset, int group, int defaultRef, int... options) {
        return site(new byte[3], offset, group, defaultRef, options);
    }

    /**
     * Adds a site with the instruction that patches it out, for its targets given as 0.
     *
     * @param patchOut the three bytes
     * @param offset the offset of its {@code invokestatic} in the class file
     * @param group the group's number
     * @param defaultRef the constant pool index of the function's default body, or 0
     * @param options pairs of a variant's number and the constant pool index of its implementation, or 0
     * @return this
     */
    PatchDataBytes site(byte[] patchOut, int offset, int group, int defaultRef, int... options) {
        patchOuts.add(patchOut);
        sites.add(write(out -> {
            out.writeInt(offset);
            out.writeShort(FUNCTION_REF);
            out.writeShort(group);
            out.writeShort(defaultRef);
            out.writeShort(options.length / 2);
            for (int option : options) {
                out.writeShort(option);
            }
        }));
        return this;
    }

    /**
     * Makes the site count claim more sites than are written: the data runs past its end.
     *
     * @param count how many more
     * @return this
     */
    PatchDataBytes missingSites(int count) {
        extraSites = count;
        return this;
    }

    /**
     * Returns the payload: version, groups, sites.
     *
     * @return the bytes
     */
    byte[] payload() {
        return write(out -> {
            out.writeByte(version);
            out.writeShort(groups.size());
            for (byte[] group : groups) {
                out.write(group);
            }
            out.writeShort(sites.size() + extraSites);
            for (int i = 0; i < sites.size(); i++) {
                out.write(sites.get(i));
                if (version >= 2) {
                    out.write(patchOuts.get(i));
                }
            }
        });
    }

    /**
     * Returns {@link #CLASS_BODY} followed by a {@code PatchSites} attribute holding the payload, as the linker ends
     * a class.
     *
     * @return the class file
     */
    byte[] classFile() {
        return classFile(payload());
    }

    /**
     * Returns {@link #CLASS_BODY} followed by a {@code PatchSites} attribute holding a payload.
     *
     * @param payload the attribute's payload
     * @return the class file
     */
    static byte[] classFile(byte[] payload) {
        return write(out -> {
            out.write(CLASS_BODY);
            out.writeShort(1); // attribute_name_index: the agent does not read it
            out.writeInt(payload.length + 8);
            out.write(payload);
            out.writeInt(payload.length);
            out.writeInt(PatchData.MAGIC);
        });
    }

    /** Returns the operand of the {@code invokestatic} at an offset. */
    static int operand(byte[] classFile, int offset) {
        return (classFile[offset + 1] & 0xff) << 8 | classFile[offset + 2] & 0xff;
    }

    private interface Writer {
        void to(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
