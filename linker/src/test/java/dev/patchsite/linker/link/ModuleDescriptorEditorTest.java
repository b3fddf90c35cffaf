package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptor edit, read back with the JDK's own {@link ModuleDescriptor}. */
class ModuleDescriptorEditorTest {

    @TempDir
    Path dir;

    private byte[] compile(String descriptor) throws Exception {
        Path classes = LinkTestFiles.compileModule(dir.resolve("m"), Map.of("module-info", descriptor, "p.Api",
                "package p; public class Api { }", "p.impl.Probe", "package p.impl; public class Probe { }"),
                LinkTestFiles.runtimeModuleJar(dir.resolve("runtime.jar")));
        return Files.readAllBytes(classes.resolve("module-info.class"));
    }

    private static ModuleDescriptor read(byte[] descriptor) throws Exception {
        return ModuleDescriptor.read(new ByteArrayInputStream(descriptor));
    }

    @Test
    void addsTheRuntimeAndExportsProbesToItKeepingEveryOtherDirective() throws Exception {
        byte[] original = compile("module m { requires java.logging; exports p; uses java.lang.Runnable; }");

        byte[] edited = ModuleDescriptorEditor.edit(original, Set.of("p/impl"), Set.of(), false);

        ModuleDescriptor before = read(original);
        ModuleDescriptor after = read(edited);
        assertEquals("[dev.patchsite.runtime, java.base, java.logging]", after.requires().stream()
                .map(r -> r.name() + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) ? " static"
                        : "")).collect(Collectors.toCollection(TreeSet::new)).toString());
        assertEquals("[p, p.impl to [dev.patchsite.runtime]]", after.exports().stream().map(e -> e.source()
                + (e.isQualified() ? " to " + e.targets() : "")).collect(Collectors.toCollection(TreeSet::new))
                .toString());
        assertEquals(before.uses(), after.uses());
        assertNull(ModuleDescriptorEditor.edit(edited, Set.of("p/impl"), Set.of(), false), "edited twice");
    }

    @Test
    void aStaticRequirementOfTheRuntimeBecomesAPlainOne() throws Exception {
        byte[] edited = ModuleDescriptorEditor.edit(compile("module m { requires static dev.patchsite.runtime; }"),
                Set.of(), Set.of(), false);

        assertEquals(Set.of(), read(edited).requires().stream().filter(r -> r.name().equals("dev.patchsite.runtime"))
                .findFirst().orElseThrow().modifiers());
    }

    @Test
    void listsTheModulesPackagesWhenAskedSoThatAnEmbeddedRuntimeStaysOut() throws Exception {
        byte[] original = compile("module m { exports p; }");

        byte[] edited = ModuleDescriptorEditor.edit(original, Set.of(), Set.of("p", "p/impl",
                "patchsite/trampolines/java/lang"), true);

        assertEquals(Set.of("p", "p.impl", "patchsite.trampolines.java.lang"), read(edited).packages());
    }
}
