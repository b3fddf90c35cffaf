package dev.patchsite.linker;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * {@link Progress} drawn as one line on a terminal, redrawn in place ({@code \r}): {@code patchsite: scanning 40960 of
 * 81234 classes (50%)}. Nothing is drawn in the first second, so a short run shows no line at all, and the line is
 * redrawn at most five times a second; it is erased when a task is done. A front-end makes one only when standard error is a terminal and the user did
 * not ask for quiet or batch output ({@link #standardErrorIsTerminal()}), and {@link #clear() clears} it before it
 * prints anything else and at the end.
 */
public final class ProgressLine implements Progress {

    private static final long DELAY = 1_000_000_000L;
    private static final long INTERVAL = 200_000_000L;

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final long start;
    private long drawnAt;
    private int width;

    /**
     * Creates a line that starts counting its first second now.
     *
     * @param out where to draw, standard error
     * @param nanoClock the time in nanoseconds, e.g. {@code System::nanoTime}
     */
    public ProgressLine(PrintWriter out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        if (done >= total) {
            clear(); // the task is done: what is printed next must not follow its line
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - start < DELAY || width > 0 && now - drawnAt < INTERVAL) {
            return;
        }
        String line = "patchsite: " + task + " " + done + " of " + total + " (" + done * 100 / Math.max(1, total)
                + "%)";
        out.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
        out.flush();
        width = line.length();
        drawnAt = now;
    }

    /** Erases the line, if one is drawn, so that what is printed next starts at the beginning of an empty line. */
    public synchronized void clear() {
        if (width > 0) {
            out.print('\r' + " ".repeat(width) + '\r');
            out.flush();
            width = 0;
        }
    }

    /**
     * Returns whether this process's standard error is a terminal, where a progress line can be redrawn in place: on
     * Linux, whether file descriptor 2 is a terminal device; elsewhere, whether the JVM has a console. A terminal
     * that says it cannot move the cursor ({@code TERM=dumb}) does not count.
     *
     * @return true if a progress line may be drawn on standard error
     */
    public static boolean standardErrorIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path descriptor = Path.of("/proc/self/fd/2");
        if (Files.exists(descriptor, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(descriptor).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
