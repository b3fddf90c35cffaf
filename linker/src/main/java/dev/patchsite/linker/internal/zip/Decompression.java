package dev.patchsite.linker.internal.zip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.deflate64.Deflate64CompressorInputStream;

/**
 * Turns an entry's compressed bytes into a stream of its contents. Deflate, which is what jars use, goes through the
 * thread's own {@link Inflater}, reset between entries rather than created and ended; the rarer methods a zip tool
 * may still have used go through Commons Compress.
 */
final class Decompression {

    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int DEFLATE64 = 9;
    private static final int BZIP2 = 12;

    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private Decompression() {
    }

    /** Returns whether entries compressed with the given method can be read. */
    static boolean supports(int method) {
        return method == STORED || method == DEFLATED || method == DEFLATE64 || method == BZIP2;
    }

    static InputStream open(int method, ZipArchive.EntryBytes data) throws IOException {
        switch (method) {
            case STORED:
                return new ByteArrayInputStream(data.bytes(), data.offset(), data.length());
            case DEFLATED:
                return new InflatingStream(INFLATERS.get(), data.bytes(), data.offset(), data.length());
            case DEFLATE64:
                return new Deflate64CompressorInputStream(raw(data));
            case BZIP2:
                return new BZip2CompressorInputStream(raw(data));
            default:
                throw new ZipException("unsupported compression method " + method);
        }
    }

    private static InputStream raw(ZipArchive.EntryBytes data) {
        return new ByteArrayInputStream(data.bytes(), data.offset(), data.length());
    }
}
