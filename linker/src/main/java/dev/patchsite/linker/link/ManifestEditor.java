package dev.patchsite.linker.link;

import dev.patchsite.runtime.Agent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Edits a jar's manifest: starts the boot agent in an executable jar (chaining to the jar's own launcher agent), drops
 * the digests of stripped signatures. Edits of the main section leave every other byte as it was.
 */
final class ManifestEditor {

    static final String AGENT = "dev.patchsite.runtime.Agent";
    static final String LAUNCHER_AGENT = "Launcher-Agent-Class";
    static final String CHAINED_AGENT = Agent.CHAINED_AGENT;
    static final String RETRANSFORM = Agent.RETRANSFORM;
    /** The longest line the manifest format allows, in bytes, without its line break. */
    private static final int LINE = 72;

    private ManifestEditor() {
    }

    /** Returns whether the manifest names a main class, so {@code java -jar} runs the jar. */
    static boolean executable(byte[] manifest) {
        return mainAttribute(manifest, Attributes.Name.MAIN_CLASS.toString()) != null;
    }

    /** Returns the agent class the manifest already names, or null. */
    static String launcherAgent(byte[] manifest) {
        return mainAttribute(manifest, LAUNCHER_AGENT);
    }

    /** Returns the value of a main attribute, or null. */
    static String mainAttribute(byte[] manifest, String name) {
        return read(manifest).getMainAttributes().getValue(name);
    }

    /**
     * Makes {@code java -jar} start the boot agent: adds {@code Launcher-Agent-Class} as a line of its own after the
     * first; if the manifest names another launcher agent, puts ours in its place and records theirs in
     * {@value Agent#CHAINED_AGENT}, which our agent starts after installing itself. Adds
     * {@code Can-Retransform-Classes: true} unless the manifest says already whether its agent may retransform: the
     * agent retransforms classes to patch the sites of updatable functions again on each update. A manifest that
     * names our agent already is returned as it is.
     */
    static byte[] startAgent(byte[] manifest) {
        String theirs = launcherAgent(manifest);
        if (AGENT.equals(theirs)) {
            return manifest;
        }
        String text = new String(manifest, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String newline = end > 0 && text.charAt(end - 1) == '\r' ? "\r\n" : "\n";
        String lines = header(LAUNCHER_AGENT, AGENT, newline);
        if (mainAttribute(manifest, RETRANSFORM) == null) {
            lines += header(RETRANSFORM, "true", newline);
        }
        if (theirs == null) {
            String edited = end < 0 ? text + newline + lines : text.substring(0, end + 1) + lines
                    + text.substring(end + 1);
            return edited.getBytes(StandardCharsets.UTF_8);
        }
        int[] span = mainHeader(text, LAUNCHER_AGENT);
        lines += header(CHAINED_AGENT, theirs, newline);
        return (text.substring(0, span[0]) + lines + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns where a main attribute's header starts and where its last line ends (after its line break), in the
     * manifest's text; the header must be there.
     */
    private static int[] mainHeader(String text, String name) {
        int start = 0;
        while (start < text.length()) {
            int end = lineEnd(text, start);
            if (end == start || text.charAt(start) == '\r' || text.charAt(start) == '\n') {
                break; // the blank line that ends the main section
            }
            int next = end;
            while (next < text.length() && text.charAt(next) == ' ') {
                next = lineEnd(text, next); // continuation lines
            }
            if (text.regionMatches(true, start, name + ":", 0, name.length() + 1)) {
                return new int[] {start, next};
            }
            start = next;
        }
        throw new IllegalStateException("no " + name + " in the manifest's main section");
    }

    /** Returns the index after the line break ({@code \r\n}, {@code \n} or {@code \r}) of the line at start. */
    private static int lineEnd(String text, int start) {
        int index = start;
        while (index < text.length() && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
            index++;
        }
        if (index < text.length() && text.charAt(index) == '\r') {
            index++;
        }
        if (index < text.length() && text.charAt(index) == '\n') {
            index++; // the \n of \r\n, or a \n alone
        }
        return index;
    }

    /** Returns a header, broken into continuation lines of at most {@value #LINE} bytes as the format requires. */
    static String header(String name, String value, String newline) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        int[] codePoints = (name + ": " + value).codePoints().toArray();
        for (int codePoint : codePoints) {
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > LINE) {
                out.append(newline).append(' ');
                bytes = 1;
            }
            out.appendCodePoint(codePoint);
            bytes += size;
        }
        return out.append(newline).toString();
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
