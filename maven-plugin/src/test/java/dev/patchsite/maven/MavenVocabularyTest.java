package dev.patchsite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.patchsite.linker.Vocabulary.Setting;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

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
    }
}
