package dev.patchsite.linker.internal.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files outputs are written to before they are moved into place, named so that no run leaves one
 * behind for good and none is mistaken for an output: {@code .NAME.patchsite-PID-RANDOM.tmp} beside the output
 * {@code NAME}, hidden, with an extension no input of patchsite has.
 *
 * <ul>
 * <li>Every temporary file this process has not yet moved or deleted is deleted by a shutdown hook, which runs on
 *     {@code SIGTERM}, Ctrl-C ({@code SIGINT}) and {@code System.exit}.</li>
 * <li>A process killed with {@code SIGKILL} (or a machine that lost power) runs no hook; its files are deleted by the
 *     next run that creates a temporary file in the same directory: a file is stale when the process {@code PID} in
 *     its name is gone, or is a later process that reused the number (it started after the file was last written).
 *     A file whose name merely contains the marker, such as the scratch file of the zip writer that is named after
 *     the temporary file, is stale with it.</li>
 * </ul>
 * The one case this cannot tell is a directory shared with another machine or PID namespace, whose live process
 * numbers this process does not see; a run there may delete another's temporary file, whose move then fails with a
 * message: no output is ever damaged, since outputs are only ever replaced by a completed move.
 */
final class TemporaryFiles {

    /** The mark of a temporary file: {@code .patchsite-PID-RANDOM.tmp}, anywhere in the name. */
    private static final Pattern MARK = Pattern.compile("\\.patchsite-(\\d+)-[0-9a-f]{16}\\.tmp");
    /** At most this many characters of the output's name go into the temporary file's, to stay within 255 bytes. */
    private static final int NAME_KEPT = 120;

    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean shuttingDown;

    static {
        Thread hook = new Thread(TemporaryFiles::deleteLive, "patchsite-temporary-files");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private TemporaryFiles() {
    }

    /**
     * Creates a new, empty temporary file for an output, after deleting the stale ones in its directory.
     *
     * @param directory the output's directory, which exists
     * @param name the output's file name
     * @return the temporary file, registered for deletion at shutdown until {@link #forget forgotten}
     * @throws IOException if the file cannot be created, or the process is shutting down
     */
    static Path create(Path directory, String name) throws IOException {
        deleteStale(directory);
        String kept = name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) : name;
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path temporary = directory.resolve("." + kept + ".patchsite-" + pid + "-"
                    + String.format("%016x", ThreadLocalRandom.current().nextLong()) + ".tmp");
            synchronized (TemporaryFiles.class) {
                if (shuttingDown) {
                    throw new IOException("the process is shutting down");
                }
                try {
                    Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                            .close();
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                LIVE.add(temporary);
                return temporary;
            }
        }
    }

    /**
     * Forgets a temporary file that was moved into place or deleted.
     *
     * @param temporary the file
     */
    static synchronized void forget(Path temporary) {
        LIVE.remove(temporary);
    }

    /**
     * Returns whether a file name is that of a temporary file (or a scratch file named after one).
     *
     * @param fileName the name
     * @return whether it has the mark
     */
    static boolean isTemporary(String fileName) {
        return MARK.matcher(fileName).find();
    }

    /** Deletes the temporary files left in a directory by processes that are gone. */
    private static void deleteStale(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*.tmp*")) {
            for (Path file : files) {
                Matcher mark = MARK.matcher(file.getFileName().toString());
                if (mark.find() && isStale(file, Long.parseLong(mark.group(1)))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Cleaning up after another run is a courtesy: this run's own output does not depend on it.
        }
    }

    private static boolean isStale(Path file, long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        FileTime written = Files.getLastModifiedTime(file);
        return started.isPresent() && started.get().isAfter(written.toInstant());
    }

    /** The shutdown hook: deletes every temporary file not yet moved, and lets no new one be created. */
    private static void deleteLive() {
        Set<Path> live;
        synchronized (TemporaryFiles.class) {
            shuttingDown = true;
            live = new LinkedHashSet<>(LIVE);
            LIVE.clear();
        }
        for (Path temporary : live) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // Nothing more can be done while the JVM exits; the next run deletes it.
            }
        }
    }
}
