package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.RecordedLog;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Links and verifies through the core API, as a front-end does, with the log recorded: the tests of many artifacts
 * link and verify each shape with exactly the inputs and class path a user gives, and read the warnings and
 * refusals a user reads (the command line prints them after {@code warning: } and {@code error: }).
 */
final class CoreRun {

    private CoreRun() {
    }

    /**
     * Links one jar in this mode against a class path, embedding the runtime.
     *
     * @param input the jar to link
     * @param output the linked jar
     * @param mode the mode
     * @param classpath jars and directories read, not rewritten
     * @return what the link did
     */
    static Outcome link(Path input, Path output, LinkMode mode, Path... classpath) {
        return link(List.of(input), List.of(output), mode, Map.of(), List.of(classpath));
    }

    /**
     * Links jars, each into its output, against a class path, embedding the runtime.
     *
     * @param inputs the jars to link
     * @param outputs where each goes
     * @param mode the mode
     * @param selections the static selections, by group
     * @param classpath jars and directories read, not rewritten
     * @return what the link did
     */
    static Outcome link(List<Path> inputs, List<Path> outputs, LinkMode mode, Map<String, String> selections,
            List<Path> classpath) {
        return link(new LinkRequest(inputs, classpath, outputs, mode, selections, null,
                Runtime.getRuntime().availableProcessors(), false, true, PatchsiteLog.SILENT));
    }

    /**
     * Links as the request says, with the log recorded instead of the request's.
     *
     * @param request what to link
     * @return what the link did
     */
    static Outcome link(LinkRequest request) {
        RecordedLog log = new RecordedLog();
        String what = "link " + request.inputs() + " -> " + request.outputs() + " (" + request.mode().label() + ", "
                + request.selections() + ", classpath " + request.classpath() + ")";
        try {
            return new Outcome(what, Linker.link(new LinkRequest(request.inputs(), request.classpath(),
                    request.outputs(), request.mode(), request.selections(), request.declarations(), request.threads(),
                    request.stripSignatures(), request.embedRuntime(), log)), log.warnings(), null);
        } catch (PatchsiteException e) {
            return new Outcome(what, null, log.warnings(), e);
        }
    }

    /**
     * Verifies linked jars as one program, each with the others before the class path.
     *
     * @param linked the jars of one link
     * @param classpath the class path they were linked with
     * @return what the last verification did, or the first that failed
     */
    static Outcome verify(List<Path> linked, Path... classpath) {
        Outcome outcome = null;
        ProgramFiles program = new ProgramFiles(linked, Arrays.asList(classpath), null);
        for (Path jar : linked) {
            RecordedLog log = new RecordedLog();
            String what = "verify " + jar + " (program " + program.from(jar) + ")";
            try {
                outcome = new Outcome(what, Verifier.verify(jar, program, ScanSettings.defaults().withLog(log)),
                        log.warnings(), null);
            } catch (PatchsiteException e) {
                return new Outcome(what, null, log.warnings(), e);
            }
        }
        return outcome;
    }

    /**
     * Verifies one linked jar against the class path it was linked with.
     *
     * @param jar the linked jar
     * @param classpath its class path
     * @return what the verification did
     */
    static Outcome verify(Path jar, Path... classpath) {
        return verify(List.of(jar), classpath);
    }

    /**
     * Runs each call and fails if any failed, listing each with its message (where {@code verify} lists its
     * problems).
     *
     * @param calls the calls, run in order
     */
    static void assertAllSucceed(List<Supplier<Outcome>> calls) {
        StringBuilder failures = new StringBuilder();
        int failed = 0;
        for (Supplier<Outcome> call : calls) {
            Outcome outcome = call.get();
            if (outcome.failure() != null) {
                failed++;
                failures.append('\n').append(outcome.what()).append(":\n").append(outcome.failure().getMessage());
            }
        }
        if (failed > 0) {
            fail(failed + " of " + calls.size() + " calls failed:" + failures);
        }
    }

    /**
     * What one call did.
     *
     * @param what the call, for messages
     * @param table the table it returned, or null
     * @param warnings the warnings it logged, in order
     * @param failure what it threw, or null
     */
    record Outcome(String what, PatchSiteTable table, List<String> warnings, PatchsiteException failure) {

        /** Asserts success, showing the failure if there was one. */
        Outcome assertOk() {
            if (failure != null) {
                fail(what + " failed: " + failure.getMessage(), failure);
            }
            return this;
        }

        /** Asserts success with no warning. */
        Outcome assertQuiet() {
            assertOk();
            assertEquals(List.of(), warnings, what);
            return this;
        }

        /**
         * Asserts a failure of this type and returns its message.
         *
         * @param type the expected type
         * @return the failure's message
         */
        String assertFails(Class<? extends PatchsiteException> type) {
            if (failure == null) {
                fail(what + " succeeded; warnings: " + warnings);
            }
            assertInstanceOf(type, failure, what);
            return failure.getMessage();
        }
    }
}
