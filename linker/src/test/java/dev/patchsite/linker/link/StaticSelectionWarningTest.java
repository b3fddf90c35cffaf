package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.testdata.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;

/**
 * A program linked in static mode runs the selections fixed at link time, whatever {@code -Dpatchsite.select} says,
 * and says so once per group the property names, on JDK 17 and 25 under {@code -Xverify:all}; without the property
 * it says nothing.
 */
class StaticSelectionWarningTest {

    @TempDir
    Path dir;

    @Test
    void aSelectionPropertyOfAStaticProgramIsSaidToBeIgnored() throws Exception {
        Path statik = dir.resolve("static.jar");
        Linker.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), statik).withMode(LinkMode.STATIC)
                .withSelections(Map.of(SampleOutput.SPIN_LOCK, "numa")));
        Variant numa = new Variant(SampleOutput.SPIN_LOCK.replace('.', '/'), "numa", "x", 0, null, List.of());
        for (ForkedJava java : List.of(Jvms.JDK17, jdk25OrJdk17())) {
            ForkedJava.Result plain = java.run("-jar", statik);
            assertEquals("", plain.assertExit(0).err(), plain.describe());
            assertEquals(SampleOutput.NUMA, plain.out());

            ForkedJava.Result selected = java.run("-Dpatchsite.select." + SampleOutput.SPIN_LOCK + "=paravirt",
                    "-Dpatchsite.select." + SampleOutput.LOCK_EVENTS + "=enabled", "-jar", statik);
            assertEquals(SampleOutput.NUMA, selected.assertExit(0).out(), "the selection fixed at link time runs");
            assertEquals(List.of(StaticSelectionWarning.message(SampleOutput.SPIN_LOCK, numa),
                    StaticSelectionWarning.message(SampleOutput.LOCK_EVENTS, null)),
                    selected.err().lines().sorted().toList());
        }
    }

    /**
     * An interface group with a static initializer of its own (a branch, and so a frame, at its start), and a class
     * group of class-file version 49 (no frames at all): each says it once, and its initializer still runs.
     */
    @Test
    void interfaceGroupsAndOldClassFilesSayItToo() throws Exception {
        Path classes = LinkTestFiles.compile(dir.resolve("src"), Map.of("p.Shape", """
                package p;
                public interface Shape {
                    String NAME = System.getProperty("shape.name") == null ? "square" : "round";
                    @dev.patchsite.RuntimeStatic static String draw() { return "default " + NAME; }
                }
                """, "p.Main", """
                package p;
                public class Main {
                    public static void main(String[] args) {
                        System.out.println(Shape.draw());
                        System.out.println(old.OldGroup.answer());
                    }
                }
                """), oldClasses());
        Files.write(Files.createDirectories(classes.resolve("old")).resolve("OldGroup.class"),
                OldGroup.bytes(Opcodes.V1_5));
        Path jar = LinkTestFiles.jar(classes, dir.resolve("app.jar"), "p.Main");
        Path statik = dir.resolve("static.jar");
        Linker.link(LinkRequest.of(jar, statik).withMode(LinkMode.STATIC));
        for (ForkedJava java : List.of(Jvms.JDK17, jdk25OrJdk17())) {
            ForkedJava.Result result = java.run("-Dpatchsite.select.p.Shape=x", "-Dpatchsite.select.old.OldGroup=y",
                    "-jar", statik);
            assertEquals("default square\n42\n", result.assertExit(0).out(), result.describe());
            assertEquals(List.of(StaticSelectionWarning.message("old.OldGroup", null),
                    StaticSelectionWarning.message("p.Shape", null)), result.err().lines().sorted().toList());
        }
    }

    /** A directory with the old group's class, for javac to compile the caller against. */
    private Path oldClasses() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old-classes/old"));
        Files.write(old.resolve("OldGroup.class"), OldGroup.bytes(Opcodes.V1_5));
        return old.getParent();
    }

    @Test
    void theMessageNamesTheGroupAndItsFixedSelection() {
        assertEquals("patchsite: warning: -Dpatchsite.select.a.G is ignored: this program was linked in static mode,"
                + " which fixed the selection of a.G at link time (its default); link it in boot or indy mode to"
                + " select at run time", StaticSelectionWarning.message("a.G", null));
    }

    private static ForkedJava jdk25OrJdk17() {
        return ForkedJava.jdk25().isPresent() ? Jvms.jdk25() : Jvms.JDK17;
    }
}
