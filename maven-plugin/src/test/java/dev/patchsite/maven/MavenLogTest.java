package dev.patchsite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenLogTest {

    /** Records what reaches Maven's log, by level. */
    static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void warn(CharSequence content) {
            lines.add("warn " + content);
        }

        @Override
        public void info(CharSequence content) {
            lines.add("info " + content);
        }

        @Override
        public void debug(CharSequence content) {
            lines.add("debug " + content);
        }
    }

    @Test
    void warningsAreWarningsAndProgressIsDebug() {
        RecordingLog log = new RecordingLog();
        MavenLog adapter = new MavenLog(log);
        adapter.warn("lib.jar: 2 classes are shadowed");
        adapter.info("scanned in 12 ms: 3 sites");
        assertEquals(List.of("warn lib.jar: 2 classes are shadowed", "debug scanned in 12 ms: 3 sites"), log.lines);
    }
}
