package dev.patchsite.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.patchsite.linker.Vocabulary.Setting;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void theCommandLineSaysItsFlags() {
        Vocabulary words = Vocabulary.COMMAND_LINE;
        assertEquals("--fail-on added", words.setting(Setting.FAIL_ON, "added"));
        assertEquals("--select com.example.Lock=numa", words.setting(Setting.SELECT, "com.example.Lock=numa"));
        assertEquals("--strip-signatures", words.setting(Setting.STRIP_SIGNATURES, "true"));
        assertEquals("--mode", words.name(Setting.MODE));
    }

    @Test
    void aLogSpeaksTheCommandLinesWordsUnlessItSaysOtherwise() {
        assertSame(Vocabulary.COMMAND_LINE, PatchsiteLog.SILENT.vocabulary());
    }
}
