package dev.patchsite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.internal.declarations.DeclarationFile;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableJson;
import dev.patchsite.linker.table.TableReader;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.runtime.GroupInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the text readers: the table reader (text and JSON forms), the declaration-file reader and the
 * group-description reader the runtime uses at boot. Each takes any bytes and gives its result or its documented exception with a message;
 * what the table and group readers accept, they read back the same once written.
 */
class TextReadersFuzzTest {

    @FuzzTest
    void table(byte[] data) throws IOException {
        Path file = Files.createTempFile("fuzz", ".table");
        try {
            Files.write(file, data);
            PatchSiteTable table = TableReader.read(file);
            String text = TableWriter.toText(table);
            assertEquals(text, TableWriter.toText(TableReader.read(new StringReader(text), "written")),
                    "a table read, written and read again");
        } catch (InputException e) {
            Refusals.check(e);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The JSON form of a table: any bytes give a table or an {@link InputException} with a one-line message, in
     * bounded depth and length; what it reads, {@link TableJson} writes so that it reads back the same, and the text
     * form of it is the same table too.
     */
    @FuzzTest
    void tableJson(byte[] data) throws IOException, InputException {
        PatchSiteTable table;
        try {
            table = TableJson.read(new StringReader(new String(data, StandardCharsets.UTF_8)), "fuzz.json");
        } catch (InputException e) {
            Refusals.check(e);
            return;
        }
        String json = TableJson.toJson(table);
        assertEquals(table, TableJson.read(new StringReader(json), "written"), "a JSON table read, written and read");
        String text = TableWriter.toText(table);
        assertEquals(text, TableWriter.toText(TableReader.read(new StringReader(text), "written")),
                "a JSON table read, then written and read as text");
    }

    @FuzzTest
    void declarations(byte[] data) throws IOException {
        Path file = Files.createTempFile("fuzz", ".decl");
        try {
            Files.write(file, data);
            DeclarationFile.read(file);
        } catch (InputException e) {
            Refusals.check(e);
        } finally {
            Files.delete(file);
        }
    }

    @FuzzTest
    void groupDescription(byte[] data) throws IOException {
        GroupInfo info;
        try {
            info = GroupInfo.parse("fuzz.Group", new ByteArrayInputStream(data));
        } catch (IllegalStateException e) {
            Refusals.check(e);
            return;
        }
        String text = info.format();
        assertEquals(text, GroupInfo.parse("fuzz.Group",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).format(),
                "a description read, written and read again");
    }
}
