package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.testdata.Samples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code -Dpatchsite.select.<group>} whose group name has a typo is not ignored without a word: the runtime says so
 * at the first bind, and the report at exit ({@code -Dpatchsite.verbose=true}) names it as having selected nothing.
 */
class SelectPropertyTypoTest {

    private static final String TYPO = "dev.patchsite.sample.lock.SpinLok";

    @TempDir
    Path dir;

    @Test
    void aPropertyNamingNoGroupIsReported() throws Exception {
        Path linked = dir.resolve("sample.jar");
        Linker.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), linked));

        ForkedJava.Result quiet = ForkedJava.current().run("-Dpatchsite.select." + TYPO + "=numa", "-jar", linked);
        assertEquals(List.of("patchsite: -Dpatchsite.select." + TYPO + " names no group of this program (no"
                + " META-INF/patchsite/groups/" + TYPO + ".group); check the group's name"),
                quiet.assertExit(0).err().lines().toList());

        ForkedJava.Result verbose = ForkedJava.current().run("-Dpatchsite.select." + TYPO + "=numa",
                "-Dpatchsite.verbose=true", "-jar", linked);
        List<String> lines = verbose.assertExit(0).err().lines().toList();
        assertEquals("patchsite report: -Dpatchsite.select." + TYPO + " selected no group this run bound",
                lines.get(lines.size() - 1), lines::toString);
    }
}
