package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.internal.output.AtomicOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a directory of classes (a build's {@code target/classes}) into a jar that the linker can read, written
 * atomically and the same bytes for the same files: entries in name order, directories included (class-path
 * scanning of a package finds them in a directory too), each with one fixed time. Same bytes, so that a build's link
 * step finds the jar unchanged and skips.
 */
final class ClassesJar {

    /** The time of every entry: the earliest a zip file can say, in local time, so no time zone changes the bytes. */
    private static final LocalDateTime TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ClassesJar() {
    }

    /**
     * Packs a directory into a jar.
     *
     * @param classes the directory
     * @param jar the jar to write
     * @throws InputException if the directory cannot be read or the jar written
     */
    static void pack(Path classes, Path jar) throws InputException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(path -> !path.equals(classes)).forEach(files::add);
        } catch (IOException e) {
            throw new InputException(classes + ": cannot read: " + IoReasons.of(e), e);
        }
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            names.add(Files.isDirectory(file) ? name + "/" : name);
        }
        names.sort(null);
        Path temporary = null;
        try {
            temporary = AtomicOutput.temporaryFor(jar);
            try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (String name : names) {
                    ZipEntry entry = new ZipEntry(name);
                    entry.setTimeLocal(TIME);
                    zip.putNextEntry(entry);
                    if (!name.endsWith("/")) {
                        Files.copy(classes.resolve(name), zip);
                    }
                    zip.closeEntry();
                }
            }
            AtomicOutput.move(temporary, jar);
        } catch (IOException e) {
            throw AtomicOutput.cannotWrite(jar, e);
        } finally {
            if (temporary != null) {
                AtomicOutput.deleteQuietly(temporary);
            }
        }
    }
}
