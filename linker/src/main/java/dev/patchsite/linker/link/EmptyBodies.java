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
import org.objectweb.asm.Opcodes;

/**
 * Finds the implementations a call of which the boot agent, or a {@code static} link, may patch out (replace by the
 * pops of its arguments): a
 * {@code void} body whose only instruction is {@code return}, such as a tracepoint's default. Patching such a call out
 * changes nothing a program can see only if calling it would not initialize a class that does something when
 * initialized, so its class must have no static initializer, and be an interface or extend {@code Object} directly
 * with no interface (JVMS 5.5: initializing a class first initializes its superclass and some superinterfaces).
 *
 * <p>Only bodies in classes this link writes are looked at, and only classes held in one copy (no multi-release
 * copy): a body in a jar the link only reads could change without the program being linked again.
 *
 * <p>The rule is read from the class as it is before linking. A {@code static} link adds a static initializer to a
 * group class that only prints a warning when {@code -Dpatchsite.select.GROUP} is set ({@link StaticSelectionWarning});
 * a patched-out call no longer initializes the group, so that warning waits for another use of the group. It is the
 * one effect skipped: the selection it warns of is fixed either way.
 */
final class EmptyBodies {

    private EmptyBodies() {
    }

    /**
     * Returns the implementations, as linked calls name them (a default body under its moved name), whose calls may be
     * patched out.
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
        ClassReader reader = new ClassReader(classFile);
        boolean isInterface = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
        if (!isInterface && (!"java/lang/Object".equals(reader.getSuperName()) || reader.getInterfaces().length > 0)) {
            return false;
        }
        char[] text = new char[reader.getMaxStringLength()];
        int at = reader.header + 6 + 2 * reader.readUnsignedShort(reader.header + 6) + 2;
        at = skipMembers(reader, at, text, null);
        boolean[] empty = new boolean[1];
        return skipMembers(reader, at, text, (name, descriptor, access, attributes) -> {
            if (name.equals("<clinit>")) {
                return false;
            }
            if (name.equals(method.name()) && descriptor.equals(method.descriptor())) {
                empty[0] = (access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE
                        | Opcodes.ACC_ABSTRACT)) == Opcodes.ACC_STATIC && returnsOnly(reader, attributes, text);
            }
            return true;
        }) >= 0 && empty[0];
    }

    /** Sees one member; returns false to stop the walk. */
    private interface MemberCheck {
        boolean member(String name, String descriptor, int access, int attributes);
    }

    /**
     * Walks a {@code fields} or {@code methods} table (JVMS 4.5, 4.6), showing each member to the check.
     *
     * @return the offset after the table, or -1 if the check stopped the walk
     */
    private static int skipMembers(ClassReader reader, int at, char[] text, MemberCheck check) {
        int count = reader.readUnsignedShort(at);
        at += 2;
        for (int m = 0; m < count; m++) {
            int attributes = at + 6;
            if (check != null && !check.member(reader.readUTF8(at + 2, text), reader.readUTF8(at + 4, text),
                    reader.readUnsignedShort(at), attributes)) {
                return -1;
            }
            at = attributes + 2;
            for (int a = reader.readUnsignedShort(attributes); a > 0; a--) {
                at += 6 + reader.readInt(at + 2);
            }
        }
        return at;
    }

    /** Returns whether a method's {@code Code} attribute is the one instruction {@code return}, with no handler. */
    private static boolean returnsOnly(ClassReader reader, int attributes, char[] text) {
        int at = attributes + 2;
        for (int a = reader.readUnsignedShort(attributes); a > 0; a--) {
            if (reader.readUTF8(at, text).equals("Code")) {
                int code = at + 6;
                int length = reader.readInt(code + 4);
                return length == 1 && reader.readByte(code + 8) == Opcodes.RETURN
                        && reader.readUnsignedShort(code + 9) == 0;
            }
            at += 6 + reader.readInt(at + 2);
        }
        return false;
    }
}
