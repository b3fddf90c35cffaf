package dev.patchsite.linker.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchsite.fuzz.Refusals;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.internal.classfile.ClassBuffer;
import dev.patchsite.linker.internal.classfile.ClassFileAppender;
import dev.patchsite.linker.internal.classfile.ConstantPool;
import dev.patchsite.linker.internal.classfile.MalformedClassException;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.SiteKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Fuzzes the class-file reader ({@link ConstantPool}, {@link PoolPeek}, {@link SiteScanner}, the {@link Scanner} on a
 * one-class directory) and the in-place editor ({@link ClassFileAppender}). Malformed input gives a
 * {@link MalformedClassException} (an {@link dev.patchsite.linker.InputException} from the scanner) with a message,
 * never another exception; a class ASM reads has one site for each of its {@code invokestatic} instructions when
 * every method it names is a function; and a class ASM verifies still verifies once its sites are edited in place.
 */
class ClassFileFuzzTest {

    /** The owner the edit points every call at: CheckClassAdapter does not load it. */
    private static final String VARIANT = "fuzz/Variant";

    @FuzzTest
    void scanDirectory(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("classfuzz");
        Path file = dir.resolve("C.class");
        try {
            Files.write(file, data);
            Scanner.analyze(ScanRequest.of(List.of(dir)).withThreads(1));
        } catch (PatchsiteException e) {
            Refusals.check(e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @FuzzTest
    void readAndEdit(byte[] data) throws IOException {
        ClassNode asm = asmRead(data);
        List<Function> functions;
        List<LocatedSite> sites;
        ClassFileAppender appender;
        try {
            ClassBuffer buffer = new ClassBuffer();
            buffer.start(data);
            ConstantPool pool = ConstantPool.read(buffer);
            PoolPeek.of(pool);
            functions = everyMethod(pool);
            FunctionIndex index = FunctionIndex.EMPTY.with(functions);
            PoolPeek.referencesFunction(pool, index);
            sites = SiteScanner.locate(buffer, pool, index, 0);
            appender = new ClassFileAppender(data);
            appender.className();
        } catch (MalformedClassException e) {
            Refusals.check(e);
            return;
        }
        if (asm == null) {
            return;
        }
        // A call a static link patched out (its class's PatchedOut attribute) is a site, but no longer an
        // invokestatic.
        List<LocatedSite> calls = sites.stream().filter(s -> s.site().kind() == SiteKind.INVOKE
                && (data[s.instruction()] & 0xff) == Opcodes.INVOKESTATIC).toList();
        assertEquals(invokestatics(asm), calls.size(), "invokestatic sites, ours vs ASM's");
        String before = verify(data);
        if (before != null) {
            return;
        }
        byte[] edited;
        try {
            for (LocatedSite site : calls) {
                MethodRef called = functions.stream().filter(f -> f.id().equals(site.site().functionId()))
                        .findFirst().orElseThrow().method();
                int target = appender.method(new MethodRef(VARIANT, called.name(), called.descriptor()), false);
                appender.setU2(site.instruction() + 1, target);
            }
            edited = appender.toByteArray(appender.utf8("PatchSites"), new byte[] {1, 0, 0, 0, 0});
        } catch (MalformedClassException e) {
            // ASM reads past what the JVM refuses: bytes after the last attribute, or a constant the class never
            // uses whose references are wrong (the JVM checks every constant; the editor meets it when it searches
            // the pool for one to reuse). The linker reports either as the entry's error.
            Refusals.check(e);
            return;
        }
        assertEquals(null, verify(edited), "the edited class fails CheckClassAdapter, though the original passes");
    }

    /** Every Methodref and InterfaceMethodref of the pool that decodes, as a function. */
    private static List<Function> everyMethod(ConstantPool pool) {
        List<Function> functions = new ArrayList<>();
        for (int i = 1; i < pool.count(); i++) {
            int tag = pool.tag(i);
            if (tag == ConstantPool.METHODREF || tag == ConstantPool.INTERFACE_METHODREF) {
                try {
                    MethodRef method = pool.method(i);
                    functions.add(new Function(method.toString(), method, false, true));
                } catch (MalformedClassException | IllegalArgumentException e) {
                    // Not a method ASM would call either; the scan meets it again and says so.
                }
            }
        }
        return functions;
    }

    /** ASM's reading of the class, or null if ASM cannot read it. */
    private static ClassNode asmRead(byte[] data) {
        try {
            ClassNode node = new ClassNode();
            new ClassReader(data).accept(node, 0);
            return node;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int invokestatics(ClassNode node) {
        int count = 0;
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode instruction : method.instructions) {
                count += instruction.getOpcode() == Opcodes.INVOKESTATIC ? 1 : 0;
            }
        }
        return count;
    }

    /** Returns what CheckClassAdapter (with data flow) finds wrong with a class, or null if nothing. */
    private static String verify(byte[] classFile) {
        try {
            new ClassReader(classFile).accept(new CheckClassAdapter(new ClassNode(), true), 0);
        } catch (RuntimeException | LinkageError e) {
            return e.toString();
        }
        StringWriter problems = new StringWriter();
        try {
            CheckClassAdapter.verify(new ClassReader(classFile), null, false, new PrintWriter(problems));
        } catch (RuntimeException | LinkageError e) {
            return e.toString();
        }
        return problems.toString().isEmpty() ? null : problems.toString();
    }
}
