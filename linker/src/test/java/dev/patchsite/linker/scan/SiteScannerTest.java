package dev.patchsite.linker.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.internal.classfile.ClassBuffer;
import dev.patchsite.linker.internal.classfile.ConstantPool;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Checks the hand-written bytecode walk against ASM on real classes: every class of the JDK's java.base module,
 * which between them use every instruction, including the switches and {@code wide}. Every static method a class
 * calls or takes a handle of is made a "function", and the walker must find exactly the sites ASM's visitor sees, in
 * the same order, each at an offset that holds the instruction it claims.
 */
class SiteScannerTest {

    @Test
    void findsExactlyTheStaticCallsAndHandlesAsmSeesInJavaBase() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Path> classes;
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules/java.base"))) {
            classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        assertTrue(classes.size() > 3000, "java.base should have thousands of classes, found " + classes.size());
        int totalSites = 0;
        Set<SiteKind> kinds = new LinkedHashSet<>();
        for (Path file : classes) {
            byte[] bytes = Files.readAllBytes(file);
            List<String> expected = new ArrayList<>();
            List<Function> functions = new ArrayList<>();
            new ClassReader(bytes).accept(new Expectations(expected, functions), ClassReader.SKIP_FRAMES);
            ClassBuffer buffer = new ClassBuffer();
            buffer.start(bytes);
            ConstantPool pool = ConstantPool.read(buffer);
            List<Site> sites = SiteScanner.scan(buffer, pool, FunctionIndex.EMPTY.with(functions), 0);
            List<String> actual = new ArrayList<>();
            for (Site site : sites) {
                actual.add(site.caller().name() + site.caller().descriptor() + " " + site.kind().label() + " "
                        + site.functionId());
                int opcode = bytes[codeStart(bytes, pool, site.caller()) + site.offset()] & 0xff;
                int expectedOpcode = switch (site.kind()) {
                    case INVOKE -> 0xb8;
                    case REF -> 0xba;
                    case LDC -> opcode == 0x12 ? 0x12 : 0x13;
                };
                assertEquals(expectedOpcode, opcode, file + " " + site);
                kinds.add(site.kind());
            }
            assertEquals(expected, actual, file.toString());
            totalSites += sites.size();
        }
        assertTrue(totalSites > 10_000, "expected many sites in java.base, found " + totalSites);
        assertEquals(Set.of(SiteKind.INVOKE, SiteKind.REF), kinds);
    }

    /** Returns the offset of a method's bytecode in the class file, found with ASM-independent arithmetic. */
    private static int codeStart(byte[] bytes, ConstantPool pool, MethodRef method) {
        ClassBuffer buffer = new ClassBuffer();
        buffer.start(bytes);
        int offset = pool.end() + 6;
        offset += 2 + 2 * buffer.u2(offset);
        offset = skipMembers(buffer, offset);
        int methods = buffer.u2(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            String name = pool.utf8(buffer.u2(offset + 2));
            String descriptor = pool.utf8(buffer.u2(offset + 4));
            int attributes = buffer.u2(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                int length = buffer.s4(offset + 2);
                if (name.equals(method.name()) && descriptor.equals(method.descriptor())
                        && pool.utf8(buffer.u2(offset)).equals("Code")) {
                    return offset + 14;
                }
                offset += 6 + length;
            }
        }
        throw new AssertionError("no code for " + method);
    }

    private static int skipMembers(ClassBuffer buffer, int offset) {
        int count = buffer.u2(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            int attributes = buffer.u2(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                offset += 6 + buffer.s4(offset + 2);
            }
        }
        return offset;
    }

    /** Collects, in visiting order, every static call and static method handle, and makes each a function. */
    private static final class Expectations extends ClassVisitor {
        private final List<String> expected;
        private final List<Function> functions;

        Expectations(List<String> expected, List<Function> functions) {
            super(Opcodes.ASM9);
            this.expected = expected;
            this.functions = functions;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            String caller = name + descriptor;
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    if (opcode == Opcodes.INVOKESTATIC) {
                        expected.add(caller + " invoke " + function(owner, method, desc));
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                    handle(bootstrap, "ref");
                    for (Object arg : args) {
                        if (arg instanceof Handle h) {
                            handle(h, "ref");
                        }
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Handle h) {
                        handle(h, "ldc");
                    }
                }

                private void handle(Handle handle, String kind) {
                    if (handle.getTag() == Opcodes.H_INVOKESTATIC) {
                        expected.add(caller + " " + kind + " " + function(handle.getOwner(), handle.getName(),
                                handle.getDesc()));
                    }
                }
            };
        }

        private String function(String owner, String name, String descriptor) {
            MethodRef method = new MethodRef(owner, name, descriptor);
            functions.add(new Function(method.toString(), method, false, false));
            return method.toString();
        }
    }
}
