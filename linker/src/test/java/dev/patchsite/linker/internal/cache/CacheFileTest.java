package dev.patchsite.linker.internal.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.io.ChunkedIo;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheFileTest {

    private static final byte[] FUNCTIONS = {1, 2, 3};

    /** A class the version hashes that was moved or renamed would silently stop invalidating older records. */
    @Test
    void everyClassWhoseCodeIsInTheVersionExists() {
        for (String name : CacheFile.SCANNING_CLASSES) {
            assertNotNull(PatchsiteException.class.getResource(name + ".class"), name);
        }
    }

    @Test
    void aTableFileOfAnotherKeyIsToldByItsFirstBytes() throws Exception {
        byte[] key = "inputs as they are".getBytes(StandardCharsets.UTF_8);
        PatchSiteTable table = new PatchSiteTable(List.of(), List.of(), List.of());
        byte[] file = ChunkedIo.join(TableFile.encode(key, List.of(), table));
        byte[] head = Arrays.copyOf(file, 512 + key.length);
        assertTrue(TableFile.mayHold(head, key));
        assertFalse(TableFile.mayHold(head, "inputs as they were".getBytes(StandardCharsets.UTF_8)));
        assertFalse(TableFile.mayHold(head, "other".getBytes(StandardCharsets.UTF_8)), "a key of another length");
        assertTrue(TableFile.mayHold(Arrays.copyOf(file, 40), new byte[1]), "too short to tell: opened whole");
        assertTrue(TableFile.mayHold(new byte[64], key), "not a cache file: opened whole, which says so");
        assertEquals(table, TableFile.open(file, key).table());
    }

    @Test
    void recordsCopiedAsTheyAreMakeTheBytesTheirEncodingMakes() throws Exception {
        List<CacheFile.Entry> entries = entries();
        byte[] encoded = CacheFile.encode("/app.jar", FUNCTIONS, entries);
        CacheFile.Opened opened = CacheFile.open(encoded);

        // Every other record kept, in another file of the same records: extras land elsewhere in the new file.
        CacheFile.Writer writer = new CacheFile.Writer(entries.size(), 0);
        for (int r = 0; r < entries.size(); r++) {
            if (r % 2 == 0) {
                writer.copy(opened, r);
            } else {
                writer.add(entries.get(r));
            }
        }
        assertArrayEquals(encoded, writer.finish("/app.jar", FUNCTIONS));

        CacheFile.Writer shifted = new CacheFile.Writer(entries.size() + 1, 0);
        shifted.add(entries.get(1));
        for (int r = 0; r < entries.size(); r++) {
            shifted.copy(opened, r);
        }
        List<CacheFile.Entry> expected = new ArrayList<>(entries);
        expected.add(0, entries.get(1));
        assertArrayEquals(CacheFile.encode("/app.jar", FUNCTIONS, expected), shifted.finish("/app.jar", FUNCTIONS));
    }

    @Test
    void aCopiedRecordReadsAsTheOriginal() throws Exception {
        List<CacheFile.Entry> entries = entries();
        CacheFile.Opened opened = CacheFile.open(CacheFile.encode("/app.jar", FUNCTIONS, entries));
        CacheFile.Writer writer = new CacheFile.Writer(1, 0);
        writer.copy(opened, 2);
        CacheFile.Opened copy = CacheFile.open(writer.finish("/app.jar", FUNCTIONS));
        ClassFacts facts = entries.get(2).facts();
        assertEquals(entries.get(2).nameHash(), copy.nameHash(0));
        assertEquals(facts.sites(), copy.sites(0));
        assertEquals(facts.callsDefault(), copy.callsDefault(0));
        assertEquals(facts.declaration(), copy.declaration(0));
    }

    @Test
    void aFileWithRecordsMissingIsNotFinished() {
        CacheFile.Writer writer = new CacheFile.Writer(2, 0);
        writer.add(entries().get(0));
        assertThrows(IllegalStateException.class, () -> writer.finish("/app.jar", FUNCTIONS));
    }

    /** Entries of each kind: none of extras, a declaration alone, sites alone, both. */
    private static List<CacheFile.Entry> entries() {
        ClassInfo declaration = new ClassInfo("app/Lock", 1, "java/lang/Object", List.of("app/Api"),
                List.of(new ClassInfo.MethodInfo("spin", "()V", 9, new ClassInfo.FunctionAnnotation("app/Lock.spin",
                        true)), new ClassInfo.MethodInfo("wait", "(J)V", 1, null)),
                new ClassInfo.VariantAnnotation("app/Lock.spin", "numa", "cpu.numa", 2), "", 61);
        Site site = new Site("app/Lock.spin", new MethodRef("app/Main", "run", "()V"), 0, 0, SiteKind.values()[0],
                false, 12, 34, new Binding(Binding.Kind.values()[0], "why"), null, "lib.jar", "Main.kt");
        BitSet callsDefault = new BitSet();
        callsDefault.set(0);
        List<CacheFile.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ClassFacts facts = new ClassFacts(i * 7, i, -i, i % 2 == 1, i % 2 == 1 ? declaration : null,
                    i >= 2 ? List.of(site, site) : null, i >= 2 ? callsDefault : null);
            entries.add(new CacheFile.Entry(1000 + i, 0xffff_0000L + i, 10 + i, 20 + i, facts));
        }
        return entries;
    }
}
