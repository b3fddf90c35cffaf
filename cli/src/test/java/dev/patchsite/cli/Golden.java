package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Golden files: the exact expected output of a command, kept in {@code cli/src/test/resources/golden/} and compared
 * in full, byte for byte (as UTF-8 text).
 *
 * <p>A golden file may hold placeholders, {@code ${name}}, where the output holds something that differs from run to
 * run, such as the paths a test passes on the command line (which a diff report repeats). The test gives each
 * placeholder's value; it is substituted before comparing.
 *
 * <p><b>Regenerating.</b> After an intended change of output, run the tests with the system property
 * {@value #UPDATE_PROPERTY}{@code =true}, e.g.
 *
 * <pre>
 * mvn -B -pl cli -am test -Dtest='dev.patchsite.cli.*' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpatchsite.updateGolden=true
 * </pre>
 *
 * <p>Each golden file is then rewritten from the actual output (placeholder values turned back into placeholders)
 * instead of compared, and the comparison is skipped. Read every changed line ({@code git diff}) before committing: a
 * golden file is worth only the review it got. The tests that check which kinds of sites the golden table holds keep
 * a regenerated table from silently losing one.
 */
final class Golden {

    /** The system property that makes {@link #assertMatches} rewrite golden files instead of comparing. */
    static final String UPDATE_PROPERTY = "patchsite.updateGolden";

    private static final String DIRECTORY = "golden";

    private Golden() {
    }

    /**
     * Asserts that the output equals a golden file.
     *
     * @param name the golden file's name in {@code golden/}, e.g. {@code sample.table}
     * @param actual the output
     */
    static void assertMatches(String name, String actual) {
        assertMatches(name, actual, Map.of());
    }

    /**
     * Asserts that the output equals a golden file once its placeholders are replaced.
     *
     * @param name the golden file's name in {@code golden/}, e.g. {@code diff-v1-v2.txt}
     * @param actual the output
     * @param placeholders the value of each placeholder, by name ({@code old} for {@code ${old}})
     */
    static void assertMatches(String name, String actual, Map<String, String> placeholders) {
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            update(name, actual, placeholders);
            return;
        }
        assertEquals(read(name, placeholders), actual, () -> "output differs from golden file " + DIRECTORY + "/"
                + name + " (if the change is intended, see Golden's Javadoc to regenerate it, then review it)");
    }

    /**
     * Returns a golden file with its placeholders replaced.
     *
     * @param name the golden file's name in {@code golden/}
     * @param placeholders the value of each placeholder, by name
     * @return the expected text
     */
    static String read(String name, Map<String, String> placeholders) {
        String text = read(name);
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            text = text.replace(token(placeholder.getKey()), placeholder.getValue());
        }
        return text;
    }

    /** Returns a golden file's text: from the source tree when it is there (so an update is seen at once). */
    static String read(String name) {
        Path source = sourceDirectory().resolve(name);
        try {
            if (Files.isRegularFile(source)) {
                return Files.readString(source, StandardCharsets.UTF_8);
            }
            try (InputStream in = Golden.class.getResourceAsStream("/" + DIRECTORY + "/" + name)) {
                if (in == null) {
                    throw new AssertionError("no golden file " + DIRECTORY + "/" + name + " (create it with -D"
                            + UPDATE_PROPERTY + "=true, then review it)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a string as it appears inside a JSON string literal, for placeholders in golden JSON output.
     *
     * @param text the text
     * @return the text with {@code \} and {@code "} escaped
     */
    static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void update(String name, String actual, Map<String, String> placeholders) {
        // Longest value first, so a value that contains another is not cut in two.
        List<Map.Entry<String, String>> byLength = new ArrayList<>(new LinkedHashMap<>(placeholders).entrySet());
        byLength.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
        String text = actual;
        for (Map.Entry<String, String> placeholder : byLength) {
            text = text.replace(placeholder.getValue(), token(placeholder.getKey()));
        }
        Path file = sourceDirectory().resolve(name);
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.err.println("updated golden file " + file + "; review it before committing");
    }

    private static String token(String placeholder) {
        return "${" + placeholder + "}";
    }

    /** The golden files in the source tree: surefire runs in the module's directory and sets {@code basedir}. */
    private static Path sourceDirectory() {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(basedir, "src", "test", "resources", DIRECTORY);
    }
}
