package dev.patchsite.linker.scan;

import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.internal.zip.DirectoryDigest;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a scan's table depends on, as the key under which the scan cache keeps a whole scan's result: each input as
 * the user named it and as an absolute path, with the digest of its central directory ({@link DirectoryDigest}), and
 * the declaration file's name and bytes; and what is made of them (its purpose). The version of patchsite is the cache file's. Only a program of jars has a
 * key: a directory of classes has no directory to digest, so its scan looks at every class (and the per-entry cache
 * does the rest).
 *
 * @param program names the program's cache file: the purpose and the absolute paths of its inputs and declaration
 *     file
 * @param bytes the key, compared byte for byte
 */
record ProgramKey(String program, byte[] bytes) {

    /** A declaration file larger than this is not part of a key (its scan runs as without the cache's table). */
    private static final long MAX_DECLARATIONS = 16L << 20;

    /**
     * Returns the key of a request's inputs as they are now.
     *
     * @param request the scan
     * @param purpose what is made of the inputs, e.g. {@code scan}
     * @return the key, or null if an input is not a jar that can be read, or the declaration file cannot be read:
     *     the scan then runs as without this key, and reports what is wrong
     */
    static ProgramKey of(ScanRequest request, String purpose) {
        StringBuilder program = new StringBuilder(purpose).append('\n');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(purpose);
            out.writeInt(request.inputs().size());
            for (Path input : request.inputs()) {
                if (Files.isDirectory(input)) {
                    return null;
                }
                String absolute = input.toAbsolutePath().normalize().toString();
                program.append(absolute).append('\n');
                DirectoryDigest digest = DirectoryDigest.of(input);
                out.writeUTF(input.toString());
                out.writeUTF(absolute);
                out.writeLong(digest.fileSize());
                out.writeLong(digest.directoryStart());
                out.writeLong(digest.crc32c());
                out.writeLong(digest.crc32());
            }
            Path declarations = request.declarations();
            out.writeBoolean(declarations != null);
            if (declarations != null) {
                String absolute = declarations.toAbsolutePath().normalize().toString();
                program.append("declarations ").append(absolute).append('\n');
                if (!Files.isRegularFile(declarations) || Files.size(declarations) > MAX_DECLARATIONS) {
                    return null;
                }
                byte[] content = Files.readAllBytes(declarations);
                out.writeUTF(declarations.toString());
                out.writeUTF(absolute);
                out.writeInt(content.length);
                out.write(content);
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return null;
        }
        return new ProgramKey(program.toString(), bytes.toByteArray());
    }

    /** Returns whether another key is this one: the same inputs, as they were. */
    boolean same(ProgramKey other) {
        return other != null && program.equals(other.program) && Arrays.equals(bytes, other.bytes);
    }
}
