package dev.patchsite.linker.link;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.explain.Explainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Explains a jar in a JVM of its own, as the CLI would, so that a test can run {@link Explainer} on another JDK
 * without the CLI module: {@code ExplainMain JAR [GROUP=VARIANT]...} prints the explanation.
 */
public final class ExplainMain {

    private ExplainMain() {
    }

    /**
     * Prints the explanation of the jar.
     *
     * @param args the jar, then selections as {@code GROUP=VARIANT}
     * @throws Exception if explaining fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] selection = args[i].split("=", 2);
            overrides.put(selection[0], selection[1]);
        }
        System.out.print(Explainer.explain(ProgramFiles.of(Path.of(args[0])), ScanSettings.defaults(), overrides,
                Explainer.DEFAULT_PROBE_TIMEOUT));
    }
}
