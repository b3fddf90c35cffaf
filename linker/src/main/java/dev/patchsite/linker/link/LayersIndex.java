package dev.patchsite.linker.link;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a Spring Boot jar's {@code layers.idx} covering every entry when the runtime is embedded at its top level.
 * The index lists, per layer, the entry prefixes it holds ({@code - "spring-boot-loader":} then
 * {@code   - "org/"}), and Spring Boot's layer tools ({@code java -Djarmode=tools -jar app.jar extract --layers})
 * refuse an entry no layer holds. The runtime's classes ({@value #RUNTIME}) join the launcher's layer, which they
 * belong with (they start before the application, from the top level), or the last layer if there is no such
 * layer. Everything else linking adds is under {@code META-INF/} or {@code BOOT-INF/classes/}, which the
 * application's layer holds already.
 */
final class LayersIndex {

    /** The prefix of the embedded runtime's entries. */
    static final String RUNTIME = "dev/patchsite/";
    private static final String LOADER_LAYER = "- \"spring-boot-loader\":";

    private LayersIndex() {
    }

    /**
     * Returns the index with the runtime's prefix in a layer, or null if a layer holds it already (a linked jar's
     * index), so that relinking changes nothing.
     *
     * @param index the index's bytes
     * @return the edited index, or null if it is unchanged
     */
    static byte[] withRuntime(byte[] index) {
        String text = new String(index, StandardCharsets.UTF_8);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        String entry = "  - \"" + RUNTIME + "\"";
        for (String line : lines) {
            if (line.trim().equals(entry.trim()) || line.trim().equals("- \"dev/\"")) {
                return null;
            }
        }
        boolean endsWithNewline = !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty();
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        int layer = lines.indexOf(LOADER_LAYER);
        int at = lines.size();
        if (layer >= 0) {
            at = layer + 1;
            while (at < lines.size() && lines.get(at).startsWith(" ")) {
                at++;
            }
        }
        lines.add(at, entry);
        return (String.join(newline, lines) + (endsWithNewline ? newline : "")).getBytes(StandardCharsets.UTF_8);
    }
}
