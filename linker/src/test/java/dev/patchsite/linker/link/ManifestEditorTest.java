package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * {@link ManifestEditor#startAgent}: adds the boot agent after the first line, chains a jar's own launcher agent
 * (however its header is spelt, broken or ended), and leaves every other byte as it was.
 */
class ManifestEditorTest {

    private static final String OURS = "Launcher-Agent-Class: dev.patchsite.runtime.Agent";

    /** Our agent's header and the one that lets it retransform classes, as the linker adds them. */
    private static String ours(String newline) {
        return OURS + newline + "Can-Retransform-Classes: true";
    }

    @Test
    void addsTheAgentAfterTheFirstLine() {
        assertEquals("Manifest-Version: 1.0\n" + ours("\n") + "\nMain-Class: a.Main\n\n",
                edit("Manifest-Version: 1.0\nMain-Class: a.Main\n\n"));
        assertEquals("Manifest-Version: 1.0\r\n" + ours("\r\n") + "\r\nMain-Class: a.Main\r\n\r\nName: a/\r\nX: y"
                + "\r\n\r\n",
                edit("Manifest-Version: 1.0\r\nMain-Class: a.Main\r\n\r\nName: a/\r\nX: y\r\n\r\n"));
    }

    @Test
    void aManifestThatNamesOurAgentIsKept() {
        byte[] manifest = ("Manifest-Version: 1.0\n" + OURS + "\nMain-Class: a.Main\n\n")
                .getBytes(StandardCharsets.UTF_8);
        assertSame(manifest, ManifestEditor.startAgent(manifest));
    }

    @Test
    void theirAgentIsChainedInItsPlace() {
        assertEquals("Manifest-Version: 1.0\nMain-Class: a.Main\n" + ours("\n") + "\nPatchsite-Chained-Agent-Class:"
                + " a.Agent\nPremain-Class: a.Agent\n\n", edit("Manifest-Version: 1.0\nMain-Class: a.Main\n"
                + "launcher-agent-class: a.Agent\nPremain-Class: a.Agent\n\n"));
        // A header broken over continuation lines, CRLF, at the end of the main section, and a section after it
        // that has the same header.
        assertEquals("Manifest-Version: 1.0\r\n" + ours("\r\n") + "\r\nPatchsite-Chained-Agent-Class:"
                + " com.example.agent.TheAgent\r\n\r\nName: x/\r\nLauncher-Agent-Class: b.B\r\n\r\n",
                edit("Manifest-Version: 1.0\r\nLauncher-Agent-Class: com.example.\r\n agent.TheAgent\r\n\r\n"
                        + "Name: x/\r\nLauncher-Agent-Class: b.B\r\n\r\n"));
    }

    @Test
    void aManifestThatSaysWhetherItsAgentMayRetransformKeepsIt() {
        assertEquals("Manifest-Version: 1.0\n" + OURS + "\nCan-Retransform-Classes: false\nMain-Class: a.Main\n\n",
                edit("Manifest-Version: 1.0\nCan-Retransform-Classes: false\nMain-Class: a.Main\n\n"));
    }

    @Test
    void aLongClassNameIsBrokenIntoLinesTheManifestReaderJoins() throws IOException {
        String name = "com.example." + "very".repeat(30) + ".Agent";
        String edited = edit("Manifest-Version: 1.0\nMain-Class: a.Main\nLauncher-Agent-Class: " + name + "\n\n");
        edited.lines().forEach(line -> assertEquals(true, line.length() <= 72, line));
        Attributes main = new Manifest(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)))
                .getMainAttributes();
        assertEquals(ManifestEditor.AGENT, main.getValue("Launcher-Agent-Class"));
        assertEquals(name, main.getValue("Patchsite-Chained-Agent-Class"));
        assertEquals("a.Main", main.getValue("Main-Class"));
    }

    private static String edit(String manifest) {
        return new String(ManifestEditor.startAgent(manifest.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}
