package dev.patchsite.linker.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.RecordedLog;
import dev.patchsite.testdata.Samples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPathTest {

    @Test
    void findsTheBaseClassOfEveryVisibleEntryAtItsPosition() throws Exception {
        // The app and library jars, then the sample that bundles both: its copies are shadowed, not visible.
        List<Path> inputs = List.of(Samples.jar(Samples.SAMPLE_APP), Samples.jar(Samples.SAMPLE_LIB),
                Samples.jar(Samples.SAMPLE));
        try (ClassPath classPath = ClassPath.open(inputs, new RecordedLog())) {
            List<ClassEntry> entries = classPath.entries();
            int bases = 0;
            for (int i = 0; i < entries.size(); i++) {
                ClassEntry entry = entries.get(i);
                if (entry.release() == 0) {
                    assertEquals(i, classPath.position(classPath.baseClass(entry.className())), entry.location());
                    bases++;
                }
            }
            assertTrue(bases > 10, "classes in each jar: " + bases);
            try (ClassPath other = ClassPath.open(List.of(inputs.get(2)), new RecordedLog())) {
                assertEquals(-1, classPath.position(other.entries().get(0)), "an entry of another class path");
            }
        }
    }
}
