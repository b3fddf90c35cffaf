package dev.patchsite.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: silent in the first second, redrawn in place at most five times a second, erased when done. */
class ProgressLineTest {

    private static final long MS = 1_000_000L;

    private final StringWriter out = new StringWriter();
    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final ProgressLine line = new ProgressLine(new PrintWriter(out), now::get);

    @Test
    void aRunShorterThanASecondDrawsNothing() {
        line.update("scanning", 10, 100);
        now.addAndGet(999 * MS);
        line.update("scanning", 99, 100);
        line.update("scanning", 100, 100);
        line.clear();
        assertEquals("", out.toString());
    }

    @Test
    void aLongRunIsDrawnInPlaceAtMostFiveTimesASecond() {
        now.addAndGet(1_000 * MS);
        line.update("scanning", 512, 60000);
        now.addAndGet(100 * MS);
        line.update("scanning", 1024, 60000);
        now.addAndGet(100 * MS);
        line.update("scanning", 30000, 60000);
        assertEquals("\rpatchsite: scanning 512 of 60000 (0%)\rpatchsite: scanning 30000 of 60000 (50%)",
                out.toString());
    }

    @Test
    void aShorterLineCoversTheLongerOneAndTheLastIsErasedWhenDone() {
        now.addAndGet(2_000 * MS);
        line.update("scanning, second pass", 512, 60000);
        now.addAndGet(300 * MS);
        line.update("writing a.jar", 9, 10);
        line.update("writing a.jar", 10, 10);
        String first = "patchsite: scanning, second pass 512 of 60000 (0%)";
        String second = "patchsite: writing a.jar 9 of 10 (90%)";
        assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()) + "\r"
                + " ".repeat(second.length()) + "\r", out.toString());
    }

    @Test
    void clearingErasesTheLineOnce() {
        now.addAndGet(2_000 * MS);
        line.update("scanning", 1, 2);
        line.clear();
        line.clear();
        String drawn = "patchsite: scanning 1 of 2 (50%)";
        assertEquals("\r" + drawn + "\r" + " ".repeat(drawn.length()) + "\r", out.toString());
    }
}
