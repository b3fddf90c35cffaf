package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.Bootstrap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the implementations a call of which the boot agent may patch out (replace by the pops of its arguments): a
 * {@code void} body whose only instruction is {@code return}, such as a tracepoint's default. Patching such a call out
 * changes nothing a program can see only if calling it would not initialize a class that does something when
 * initialized, so its class must have no static initializer, and be an interface or extend {@code Object} directly
 * with no interface (JVMS 5.5: initializing a class first initializes its superclass and some superinterfaces).
 *
 * <p>Only bodies in classes this link writes are looked at, and only classes held in one copy (no multi-release
 * copy): a body in a jar the link only reads could change without the program being linked again.
 */
final class EmptyBodies {

    private EmptyBodies() {
    }

    /**
     * Returns the implementations, as linked calls name them (a default body under its moved name), whose calls the
     * agent may patch out.
     *
     * @param table the program's table
     * @param rewrittenGroups the groups this link rewrites
     * @param jars the jars this link rewrites, in class-path order
     * @return the methods
     * @throws InputException if a class cannot be read from its jar
     */
    static Set<MethodRef> of(PatchSiteTable table, Set<String> rewrittenGroups, List<JarLinker> jars)
            throws InputException {
        Set<MethodRef> empty = new HashSet<>();
        for (Function function : table.functions()) {
            MethodRef method = function.method();
            if (!method.descriptor().endsWith(")V")) {
                continue;
            }
            // A group class linked before holds its own body under the moved name already.
            MethodRef moved = new MethodRef(method.owner(), Bootstrap.DEFAULT_PREFIX + method.name(),
                    method.descriptor());
            if (rewrittenGroups.contains(function.group()) && (isEmpty(jars, moved) || isEmpty(jars, method))) {
                empty.add(moved);
            }
            for (Variant variant : table.variants()) {
                if (variant.group().equals(function.group()) && variant.implementsFunction(function.id())) {
                    MethodRef implementation = new MethodRef(variant.className(), method.name(), method.descriptor());
                    if (isEmpty(jars, implementation)) {
                        empty.add(implementation);
                    }
                }
            }
        }
        return empty;
    }

    private static boolean isEmpty(List<JarLinker> jars, MethodRef method) throws InputException {
        for (JarLinker jar : jars) {
            if (jar.contains(method.owner() + ".class")) {
                byte[] bytes = jar.onlyCopyOf(method.owner());
                return bytes != null && isEmpty(bytes, method);
            }
        }
        return false;
    }

    /** Returns whether the class declares the method with a body of {@code return} only, and initializes nothing. */
    static boolean isEmpty(byte[] classFile, MethodRef method) {
        Finder finder = new Finder(method);
        new ClassReader(classFile).accept(finder, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return finder.initFree && finder.found && finder.instructions == 1 && finder.returns;
    }

    /** Visits a class: its header, whether it has a static initializer, and the method's instructions. */
    private static final class Finder extends ClassVisitor {
        private final MethodRef method;
        boolean initFree;
        boolean found;
        int instructions;
        boolean returns;

        Finder(MethodRef method) {
            super(Opcodes.ASM9);
            this.method = method;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            initFree = isInterface || "java/lang/Object".equals(superName) && (interfaces == null
                    || interfaces.length == 0);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            if (name.equals("<clinit>")) {
                initFree = false;
                return null;
            }
            if (!name.equals(method.name()) || !descriptor.equals(method.descriptor())
                    || (access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE
                            | Opcodes.ACC_ABSTRACT)) != Opcodes.ACC_STATIC) {
                return null;
            }
            found = true;
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitInsn(int opcode) {
                    instructions++;
                    returns = opcode == Opcodes.RETURN;
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    instructions++;
                }

                @Override
                public void visitVarInsn(int opcode, int varIndex) {
                    instructions++;
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    instructions++;
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    instructions++;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                        boolean isInterface) {
                    instructions++;
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
                        Object... bootstrapMethodArguments) {
                    instructions++;
                }

                @Override
                public void visitJumpInsn(int opcode, Label label) {
                    instructions++;
                }

                @Override
                public void visitLdcInsn(Object value) {
                    instructions++;
                }

                @Override
                public void visitIincInsn(int varIndex, int increment) {
                    instructions++;
                }

                @Override
                public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                    instructions++;
                }

                @Override
                public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                    instructions++;
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                    instructions++;
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    instructions++;
                }
            };
        }
    }
}
