package dev.patchsite.runtime;

import static dev.patchsite.runtime.PatchDataBytes.FIRST_CALL;
import static dev.patchsite.runtime.PatchDataBytes.SECOND_CALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The agent finds patch data by the last eight bytes of a class and trusts nothing in it: a class is data, and one
 * that only looks like it ends with patch data, or whose patch data lies about its lengths, is left alone or fails
 * with one {@link IllegalStateException}, never an index out of bounds.
 */
class PatchDataTest {

    private static final PatchDataBytes TWO_SITES = new PatchDataBytes()
            .group("example.Lock", "numa", "paravirt")
            .group("example.Events")
            .site(FIRST_CALL, 0, 8, 0, 9, 1, 10)
            .site(SECOND_CALL, 1, 11);

    @Test
    void readsTheSitesOfAClassThatEndsWithPatchData() {
        byte[] classFile = TWO_SITES.classFile();

        assertArrayEquals(new int[] {FIRST_CALL, SECOND_CALL}, PatchData.patchOffsets(classFile));

        PatchData data = PatchData.find(classFile);
        assertNotNull(data);
        assertEquals(PatchData.VERSION, data.u1());
        assertEquals(2, data.u2());
        assertEquals("example.Lock", data.utf());
    }

    @Test
    void aClassWithoutPatchDataHasNone() {
        assertNull(PatchData.find(PatchDataBytes.CLASS_BODY));
        assertArrayEquals(new int[0], PatchData.patchOffsets(PatchDataBytes.CLASS_BODY));
        assertNull(PatchData.find(new byte[0]));
        assertNull(PatchData.find(Arrays.copyOf(PatchDataBytes.classFile(new byte[] {1, 0, 0, 0, 0}), 17)));
    }

    @Test
    void theMagicAloneIsNotPatchData() {
        byte[] classFile = TWO_SITES.classFile();
        int length = classFile.length;

        // The payload length says where the attribute starts; the attribute's own length must agree.
        assertNull(PatchData.find(withInt(classFile, length - 8, TWO_SITES.payload().length - 1)));
        assertNull(PatchData.find(withInt(classFile, length - 8, -1)));
        assertNull(PatchData.find(withInt(classFile, length - 8, Integer.MAX_VALUE)));
        assertNull(PatchData.find(withInt(classFile, length - 8, length - 8)));
        assertNull(PatchData.find(withInt(classFile, length - 4, PatchData.MAGIC + 1)));
        assertNull(PatchData.find(withInt(classFile, PatchDataBytes.CLASS_BODY.length + 2, 0)));
    }

    @Test
    void anotherVersionHasNoOffsetsForVerify() {
        byte[] classFile = new PatchDataBytes().version(3).group("example.Lock").site(FIRST_CALL, 0, 8).classFile();

        assertNotNull(PatchData.find(classFile));
        assertArrayEquals(new int[0], PatchData.patchOffsets(classFile));
    }

    @Test
    void theFirstVersionWithoutPatchOutBytesIsStillRead() {
        byte[] classFile = new PatchDataBytes().version(1).group("example.Lock", "numa")
                .site(FIRST_CALL, 0, 8, 0, 9).site(SECOND_CALL, 0, 8).classFile();

        assertArrayEquals(new int[] {FIRST_CALL, SECOND_CALL}, PatchData.patchOffsets(classFile));
    }

    @Test
    void countsThatRunPastTheEndFailWithOneMessage() {
        byte[] missingSite = new PatchDataBytes().group("example.Lock").site(FIRST_CALL, 0, 8).missingSites(1)
                .classFile();
        int payloadEnd = missingSite.length - 8;

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PatchData.patchOffsets(missingSite));

        assertEquals("patch data runs past its end at offset " + payloadEnd, e.getMessage());
    }

    @Test
    void aNameThatRunsPastTheEndFailsWithOneMessage() {
        // version 1, one group, its name 0x7fff bytes long but 2 there
        byte[] classFile = PatchDataBytes.classFile(new byte[] {1, 0, 1, 0x7f, (byte) 0xff, 'a', 'b'});

        assertThrows(IllegalStateException.class, () -> PatchData.patchOffsets(classFile));
    }

    @Test
    void anOptionCountThatRunsPastTheEndFailsWithOneMessage() {
        byte[] payload = new PatchDataBytes().group("example.Lock").site(FIRST_CALL, 0, 8).payload();
        // the site's option count, before its three patch-out bytes: 0xff00 options of 4 bytes
        payload[payload.length - 5] = (byte) 0xff;
        byte[] classFile = PatchDataBytes.classFile(payload);

        assertThrows(IllegalStateException.class, () -> PatchData.patchOffsets(classFile));
    }

    @Test
    void readsNothingPastThePayload() {
        PatchData data = PatchData.find(new PatchDataBytes().classFile());
        assertNotNull(data);
        data.u1();
        data.u2();
        data.u2();

        assertThrows(IllegalStateException.class, data::u1);
        assertThrows(IllegalStateException.class, () -> data.skip(-1));
    }

    private static byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        copy[offset] = (byte) (value >>> 24);
        copy[offset + 1] = (byte) (value >>> 16);
        copy[offset + 2] = (byte) (value >>> 8);
        copy[offset + 3] = (byte) value;
        return copy;
    }
}
