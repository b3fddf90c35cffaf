package dev.patchsite.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the resources a class loader finds. A resource in a local jar is read with a {@link ZipFile} of that jar,
 * which shares the directory the class loader has already read: opening its {@code jar:} URL instead would read the
 * jar's directory again, several milliseconds for a large jar, at each group's first bind.
 */
final class Resources {

    private static final String JAR_FILE = "jar:file:";
    private static final String SEPARATOR = "!/";

    private Resources() {
    }

    /**
     * Opens a resource.
     *
     * @param url where a class loader found it
     * @param name the resource's name, e.g. {@code META-INF/patchsite/groups/G.group}
     * @return its bytes
     * @throws IOException if it cannot be read
     */
    static InputStream open(URL url, String name) throws IOException {
        String text = url.toString();
        if (text.startsWith(JAR_FILE) && text.endsWith(SEPARATOR + name)
                && text.indexOf(SEPARATOR) == text.length() - name.length() - SEPARATOR.length()) {
            File jar = localFile(text.substring("jar:".length(), text.length() - name.length() - SEPARATOR.length()));
            if (jar != null) {
                ZipFile zip = new ZipFile(jar);
                try {
                    ZipEntry entry = zip.getEntry(name);
                    if (entry != null) {
                        return new ByteArrayInputStream(readAll(zip.getInputStream(entry)));
                    }
                } finally {
                    zip.close();
                }
            }
        }
        return url.openStream();
    }

    private static File localFile(String fileUrl) {
        try {
            return new File(new URI(fileUrl));
        } catch (URISyntaxException e) {
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Returns the whole stream; closes it. */
    static byte[] readAll(InputStream in) throws IOException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }
}
