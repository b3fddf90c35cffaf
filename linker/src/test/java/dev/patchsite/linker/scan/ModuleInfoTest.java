package dev.patchsite.linker.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A modular program: {@code module-info.class} is read like any class and holds no site. */
class ModuleInfoTest {

    @TempDir
    Path dir;

    @Test
    void aModuleDescriptorIsReadAndHoldsNoSite() throws Exception {
        Path classes = JavaSources.compile(dir.resolve("app"), Map.of("p.Group", """
                        package p;

                        public final class Group {
                            @dev.patchsite.RuntimeStatic
                            public static int work(int x) {
                                return x;
                            }

                            public static int call() {
                                return work(1);
                            }
                        }
                        """), JavaSources.runtimeClasses());
        // A descriptor of its own, compiled apart: a named module cannot read the annotations on the class path.
        Path module = JavaSources.compile(dir.resolve("module"), Map.of("module-info",
                "module p { requires java.logging; }"));
        Files.copy(module.resolve("module-info.class"), classes.resolve("module-info.class"));

        PatchSiteTable table = Scanner.scan(new ScanRequest(List.of(classes), null, 2, PatchsiteLog.SILENT));

        assertEquals("""
                patchsite-table 1
                function p.Group.work(I)I
                site p.Group.work(I)I p.Group.call()I #0 invoke line=10 offset=1
                """, TableWriter.toText(table));
    }
}
