package dev.patchsite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.Vocabulary.Setting;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.link.Linker;
import dev.patchsite.linker.table.LinkMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's messages in a Maven build name the plugin's parameters as a POM writes them. */
class MavenVocabularyTest {

    @Test
    void settingsAreParametersAsAPomWritesThem() {
        MavenVocabulary words = MavenVocabulary.INSTANCE;
        assertEquals("<failOn>added</failOn>", words.setting(Setting.FAIL_ON, "added"));
        assertEquals("<mode>static</mode>", words.setting(Setting.MODE, "static"));
        assertEquals("<stripSignatures>true</stripSignatures>", words.setting(Setting.STRIP_SIGNATURES, "true"));
        assertEquals("<selections><com.example.Lock>numa</com.example.Lock></selections>",
                words.setting(Setting.SELECT, "com.example.Lock=numa"));
        assertEquals("<selections>", words.name(Setting.SELECT));
        assertEquals("<selectByProbes>", words.name(Setting.SELECT_BY_PROBES));
    }

    @Test
    void everySettingHasAParameter() {
        for (Setting setting : Setting.values()) {
            assertEquals("<" + MavenVocabulary.parameter(setting) + ">", MavenVocabulary.INSTANCE.name(setting));
        }
    }

    @Test
    void theBuildLogSpeaksThem() {
        assertSame(MavenVocabulary.INSTANCE, new MavenLog(new SystemStreamLog()).vocabulary());
        assertSame(MavenVocabulary.INSTANCE,
                PatchsiteLog.warningsOnce(new MavenLog(new SystemStreamLog())).vocabulary());
    }

    /** A core message that names a setting names the parameter, not the command line's flag. */
    @Test
    void theCoresMessagesNameTheParameter(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        LinkRequest request = new LinkRequest(List.of(classes), List.of(), List.of(dir.resolve("linked.jar")),
                LinkMode.BOOT, Map.of(), null, 1, false, true, new MavenLog(new SystemStreamLog()));
        InputException refused = assertThrows(InputException.class, () -> Linker.link(request));
        assertEquals(classes + ": a directory; link rewrites jars (a directory of classes can supply declarations,"
                + " variants and sites with <dependencies>)", refused.getMessage());
    }
}
