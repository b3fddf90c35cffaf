package dev.patchsite.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A front-end's log of one run shows each warning once, whatever reads an input twice, and from any thread. */
class WarningsOnceTest {

    /** A log that keeps every line in order, warnings and information, in the command line's words. */
    private static final class Lines implements PatchsiteLog {

        final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void warn(String message) {
            lines.add("warning: " + message);
        }

        @Override
        public void info(String message) {
            lines.add(message);
        }
    }

    @Test
    void aRepeatedWarningIsDroppedAndInformationIsNot() {
        Lines log = new Lines();
        PatchsiteLog once = PatchsiteLog.warningsOnce(log);
        once.warn("a.jar!/lib/x.jar: a jar inside a jar");
        once.info("scanned");
        once.warn("b.jar: 2 classes shadowed");
        once.warn("a.jar!/lib/x.jar: a jar inside a jar");
        once.info("scanned");
        assertEquals(List.of("warning: a.jar!/lib/x.jar: a jar inside a jar", "scanned",
                "warning: b.jar: 2 classes shadowed", "scanned"), log.lines);
    }

    @Test
    void warningsFromManyThreadsAreShownOnceEach() {
        Lines log = new Lines();
        PatchsiteLog once = PatchsiteLog.warningsOnce(log);
        IntStream.range(0, 1000).parallel().forEach(i -> once.warn("warning " + i % 10));
        assertEquals(10, log.lines.size());
    }

    @Test
    void itSpeaksTheWrappedLogsWordsAndIsNotWrappedTwice() {
        PatchsiteLog once = PatchsiteLog.warningsOnce(new Lines());
        assertSame(Vocabulary.COMMAND_LINE, once.vocabulary());
        assertSame(once, PatchsiteLog.warningsOnce(once));
    }
}
