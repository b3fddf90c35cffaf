package dev.patchsite.linker.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.diff.TableDiff;
import dev.patchsite.linker.internal.classfile.ClassFileAppender;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.link.Linker;
import dev.patchsite.linker.link.Verifier;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every sample program and every broken input of the registries through the core's readers and writers, called
 * directly ({@link Scanner}, {@link Linker} in each mode, {@link Verifier}, {@link TableDiff},
 * {@link ClassFileAppender}): a sample scans, links in every mode and verifies, linking leaves its table as scanned,
 * and the in-place editor copies each of its classes unchanged; a broken input gives a
 * {@link PatchsiteException} whose message is one line naming it, never another exception.
 */
class InputRegistryTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(SampleProgram.class)
    void sampleScansLinksInEveryModeAndVerifies(SampleProgram program) throws Exception {
        PatchSiteTable scanned = Scanner.scan(ScanRequest.of(program.inputs()));
        assertEquals(program != SampleProgram.THIRD_PARTY, !scanned.sites().isEmpty(), "sites: " + scanned.sites());
        assertTrue(TableDiff.compare(scanned, scanned).isEmpty());
        for (LinkMode mode : LinkMode.values()) {
            List<Path> outputs = new ArrayList<>();
            for (Path input : program.toLink()) {
                outputs.add(tmp.resolve(mode.label()).resolve(input.getFileName()));
            }
            Files.createDirectories(tmp.resolve(mode.label()));
            LinkRequest request = new LinkRequest(program.toLink(), program.classpath(), outputs, mode, Map.of(),
                    null, 1, false, true, PatchsiteLog.SILENT);
            if (!program.linkable()) {
                InputException refused = assertThrows(InputException.class,
                        () -> Linker.link(request));
                assertOneLineNaming(refused, program.toLink().get(0));
                continue;
            }
            PatchSiteTable linked = Linker.link(request);
            assertNotNull(linked, mode + ": Linker.link returned null (the input was linked already)");
            if (!linked.functions().isEmpty()) {
                assertEquals(mode, linked.linkedMode());
            }
            TableDiff diff = TableDiff.compare(scanned, TableSource.unlinked(linked));
            assertTrue(diff.isEmpty(), mode + ": linking changed the program's table: " + diff.summary());
            ProgramFiles files = new ProgramFiles(outputs, program.classpath(), null);
            for (Path output : outputs) {
                Verifier.verify(output, files, ScanSettings.defaults());
            }
        }
    }

    /** The in-place editor copies every class of a sample byte for byte when it adds nothing. */
    @ParameterizedTest
    @EnumSource(SampleProgram.class)
    void everySampleClassIsCopiedUnchangedByTheEditor(SampleProgram program) throws IOException {
        int classes = 0;
        for (Path input : program.inputs()) {
            for (Map.Entry<String, byte[]> entry : classFiles(input).entrySet()) {
                byte[] bytes = entry.getValue();
                assertArrayEquals(bytes, new ClassFileAppender(bytes).toByteArray(0, null), entry.getKey());
                classes++;
            }
        }
        assertTrue(classes > 0, "no class in " + program);
    }

    /** Returns the class files of a jar or a directory, by name. */
    private static Map<String, byte[]> classFiles(Path input) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> files = Files.walk(input)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    classes.put(file.toString(), Files.readAllBytes(file));
                }
            }
            return classes;
        }
        try (ZipFile zip = new ZipFile(input.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        classes.put(input + "!/" + entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    @ParameterizedTest
    @EnumSource(BrokenInput.class)
    void brokenInputIsRefusedInOneLineNamingIt(BrokenInput broken) throws IOException {
        Path input = broken.make(tmp);
        Path lib = Samples.jar(Samples.SAMPLE_LIB);
        List<Throwable> refusals = new ArrayList<>();
        refusals.add(outcome(() -> Scanner.scan(ScanRequest.of(List.of(input, lib)))));
        for (LinkMode mode : LinkMode.values()) {
            Path out = tmp.resolve(mode.label() + "-out.jar");
            refusals.add(outcome(() -> Linker.link(new LinkRequest(List.of(input), List.of(lib), List.of(out), mode,
                    Map.of(), null, 1, false, true, PatchsiteLog.SILENT))));
        }
        refusals.add(outcome(() -> Verifier.verify(input, new ProgramFiles(List.of(input), List.of(lib), null),
                ScanSettings.defaults())));
        refusals.removeIf(refusal -> refusal == null);
        assertFalse(refusals.isEmpty(), broken + " was read without a complaint");
        for (Throwable refusal : refusals) {
            if (!(refusal instanceof PatchsiteException)) {
                fail(broken + " gave " + refusal + " instead of a PatchsiteException", refusal);
            }
            assertOneLineNaming(refusal, input);
        }
    }

    private static void assertOneLineNaming(Throwable refusal, Path input) {
        String message = refusal.getMessage();
        assertTrue(message.lines().count() == 1, "not one line: " + message);
        assertTrue(message.contains(input.toString()), "does not name " + input + ": " + message);
    }

    /** Runs a core call; returns what it threw, or null. */
    private static Throwable outcome(CoreCall call) {
        try {
            call.run();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    @FunctionalInterface
    private interface CoreCall {
        void run() throws Exception;
    }
}
