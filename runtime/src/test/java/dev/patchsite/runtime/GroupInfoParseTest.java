package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The runtime reads group descriptions at boot, so a malformed one (a tampered or hand-edited jar) must fail with
 * one {@link IllegalStateException} naming the resource and the line, never a {@code NumberFormatException} or an
 * {@code ArrayIndexOutOfBoundsException} from inside the parser.
 */
class GroupInfoParseTest {

    private static final String RESOURCE = "META-INF/patchsite/groups/example.Lock.group";

    @ParameterizedTest
    @ValueSource(strings = {
        "variant numa example.Numa high example.NumaProbe slowpath(I)V",
        "variant numa example.Numa 99999999999 - -",
        "   ",
        " ",
        "function  (I)V",
        "function slowpath",
        "variant numa example.Numa 10 example.NumaProbe",
        "variant  example.Numa 10 - -",
        "bogus",
    })
    void aMalformedLineIsOneMessageNamingTheResourceAndLine(String line) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> parse(GroupInfo.HEADER + "\nfunction slowpath (I)V\n" + line + "\n"));

        assertEquals("patchsite: " + RESOURCE + " line 3: bad line \"" + line + "\"; expected \"function NAME"
                + " DESCRIPTOR [updatable]\" or \"variant NAME CLASS PRIORITY PROBE|- FUNCTIONS|-\"", e.getMessage());
    }

    @Test
    void randomBytesAreNotADescription() {
        byte[] bytes = new byte[64];
        new java.util.Random(9).nextBytes(bytes);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GroupInfo.parse("example.Lock", new ByteArrayInputStream(bytes)));

        assertEquals("patchsite: " + RESOURCE + " does not start with \"" + GroupInfo.HEADER
                + "\"; relink with this patchsite version", e.getMessage());
    }

    @Test
    void controlCharactersAndLongLinesAreShortenedInTheMessage() {
        String line = "\u0000bad" + "x".repeat(200);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> parse(GroupInfo.HEADER + "\n" + line + "\n"));

        assertEquals("patchsite: " + RESOURCE + " line 2: bad line \"?bad" + "x".repeat(76) + "...\"; expected"
                + " \"function NAME DESCRIPTOR [updatable]\" or \"variant NAME CLASS PRIORITY PROBE|- FUNCTIONS|-\"",
                e.getMessage());
    }

    @Test
    void aWellFormedDescriptionStillParses() throws IOException {
        String text = GroupInfo.HEADER + "\n"
                + "function slowpath (I)V updatable\n"
                + "\n"
                + "variant numa example.Numa -3 example.NumaProbe slowpath(I)V\n"
                + "variant debug example.Debug 0 - -\n";

        GroupInfo info = parse(text);

        assertEquals(text.replace("\n\n", "\n"), info.format());
        assertEquals(-3, info.variant("numa").priority());
        assertEquals(List.of(), info.variant("debug").implemented());
    }

    private static GroupInfo parse(String text) throws IOException {
        return GroupInfo.parse("example.Lock", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
