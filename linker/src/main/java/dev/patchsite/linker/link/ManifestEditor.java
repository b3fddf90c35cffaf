package dev.patchsite.linker.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** Edits a jar's manifest: starts the boot agent in an executable jar, drops the digests of stripped signatures. */
final class ManifestEditor {

    static final String AGENT = "dev.patchsite.runtime.Agent";
    private static final String LAUNCHER_AGENT = "Launcher-Agent-Class";

    private ManifestEditor() {
    }

    /** Returns whether the manifest names a main class, so {@code java -jar} runs the jar. */
    static boolean executable(byte[] manifest) {
        return read(manifest).getMainAttributes().getValue(Attributes.Name.MAIN_CLASS) != null;
    }

    /** Returns the agent class the manifest already names, or null. */
    static String launcherAgent(byte[] manifest) {
        return read(manifest).getMainAttributes().getValue(LAUNCHER_AGENT);
    }

    /**
     * Adds {@code Launcher-Agent-Class} to the main section as a line of its own after the first, leaving every
     * other byte as it was.
     */
    static byte[] addLauncherAgent(byte[] manifest) {
        String text = new String(manifest, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String newline = end > 0 && text.charAt(end - 1) == '\r' ? "\r\n" : "\n";
        String line = LAUNCHER_AGENT + ": " + AGENT + newline;
        String edited = end < 0 ? text + newline + line : text.substring(0, end + 1) + line + text.substring(end + 1);
        return edited.getBytes(StandardCharsets.UTF_8);
    }

    /** Removes the per-entry digest attributes a signature left, and the sections left empty. */
    static byte[] stripDigests(byte[] manifest) {
        Manifest parsed = read(manifest);
        parsed.getEntries().values().forEach(attributes -> attributes.keySet()
                .removeIf(key -> key.toString().toLowerCase(java.util.Locale.ROOT).endsWith("-digest")));
        parsed.getEntries().values().removeIf(Attributes::isEmpty);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            parsed.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Manifest read(byte[] manifest) {
        try {
            return new Manifest(new ByteArrayInputStream(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("malformed META-INF/MANIFEST.MF: " + e.getMessage(), e);
        }
    }
}
