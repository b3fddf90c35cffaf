package dev.patchsite.linker.internal.classfile;

import dev.patchsite.linker.table.MethodRef;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Class files for {@link ClassFileAppenderTest} and independent ways of looking at them: the constant pool through
 * ASM's {@link ClassReader}, the file's layout walked by hand, and a full textual listing of what ASM visits.
 */
final class ClassFileAppenderFixtures {

    static final int UTF8 = 1;
    static final int LONG = 5;
    static final int DOUBLE = 6;
    static final int CLASS = 7;
    static final int METHODREF = 10;
    static final int INTERFACE_METHODREF = 11;
    static final int NAME_AND_TYPE = 12;

    static final String RICH = "fixture/Rich";
    /** A string constant of {@link #rich()}, loaded by {@code text()}: modified UTF-8 encodes it unlike UTF-8. */
    static final String ODD_STRING = "h\u00e9llo\u0000\u20ac";
    /** A plain string constant of {@link #rich()}, loaded by {@code plain()}. */
    static final String PLAIN_STRING = "abcd";
    /** The double that {@link #rich()} has as the very last entry of its pool. */
    static final double LAST_DOUBLE = 6.02214076e23;

    private ClassFileAppenderFixtures() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Class files
    // ---------------------------------------------------------------------------------------------------------

    /**
     * A class with interfaces, a class signature, SourceFile, annotations on the class, a field and a method,
     * fields with a ConstantValue (a long) and a Signature, methods with Exceptions, Signature, line numbers,
     * local variables and a stack map frame, a Methodref ({@code Math.max}, {@code System.nanoTime}), an
     * InterfaceMethodref ({@code List.size}), ldc2_w of a long and a double, and a double as the last pool entry (so
     * the pool ends with a two-slot entry).
     */
    static byte[] rich() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, RICH,
                "Ljava/lang/Object;Ljava/lang/Runnable;Ljava/lang/Comparable<Lfixture/Rich;>;", "java/lang/Object",
                new String[] {"java/lang/Runnable", "java/lang/Comparable"});
        cw.visitSource("Rich.java", null);
        AnnotationVisitor deprecated = cw.visitAnnotation("Ljava/lang/Deprecated;", true);
        deprecated.visit("since", "1.0");
        deprecated.visit("forRemoval", Boolean.TRUE);
        deprecated.visitEnd();
        AnnotationVisitor invisible = cw.visitAnnotation("Lfixture/Marker;", false);
        invisible.visit("count", 7);
        AnnotationVisitor array = invisible.visitArray("tags");
        array.visit(null, "a");
        array.visit(null, "b");
        array.visitEnd();
        invisible.visitEnum("mode", "Ljava/lang/annotation/RetentionPolicy;", "CLASS");
        invisible.visitEnd();

        FieldVisitor big = cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "BIG", "J", null,
                1234567890123L);
        big.visitEnd();
        FieldVisitor ratio = cw.visitField(Opcodes.ACC_PRIVATE, "ratio", "D", null, null);
        ratio.visitAnnotation("Ljava/lang/Deprecated;", true).visitEnd();
        ratio.visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "names", "Ljava/util/List;",
                "Ljava/util/List<Ljava/lang/String;>;", null).visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitTypeInsn(Opcodes.NEW, "java/util/ArrayList");
        init.visitInsn(Opcodes.DUP);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/ArrayList", "<init>", "()V", false);
        init.visitFieldInsn(Opcodes.PUTFIELD, RICH, "names", "Ljava/util/List;");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        Label start = new Label();
        run.visitLabel(start);
        run.visitLineNumber(10, start);
        run.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false);
        run.visitLdcInsn(987654321987L);
        run.visitInsn(Opcodes.LADD);
        run.visitInsn(Opcodes.POP2);
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitLdcInsn(2.5d);
        run.visitFieldInsn(Opcodes.PUTFIELD, RICH, "ratio", "D");
        Label end = new Label();
        run.visitLabel(end);
        run.visitLineNumber(11, end);
        run.visitInsn(Opcodes.RETURN);
        Label after = new Label();
        run.visitLabel(after);
        run.visitLocalVariable("this", "Lfixture/Rich;", null, start, after, 0);
        run.visitMaxs(0, 0);
        run.visitEnd();

        MethodVisitor compareTo = cw.visitMethod(Opcodes.ACC_PUBLIC, "compareTo", "(Ljava/lang/Object;)I", null,
                null);
        compareTo.visitCode();
        compareTo.visitVarInsn(Opcodes.ALOAD, 0);
        compareTo.visitFieldInsn(Opcodes.GETFIELD, RICH, "names", "Ljava/util/List;");
        compareTo.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "size", "()I", true);
        compareTo.visitVarInsn(Opcodes.ALOAD, 1);
        compareTo.visitTypeInsn(Opcodes.CHECKCAST, RICH);
        compareTo.visitFieldInsn(Opcodes.GETFIELD, RICH, "names", "Ljava/util/List;");
        compareTo.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "size", "()I", true);
        compareTo.visitInsn(Opcodes.ISUB);
        compareTo.visitInsn(Opcodes.IRETURN);
        compareTo.visitMaxs(0, 0);
        compareTo.visitEnd();

        // iload_0, iload_1, invokestatic #max, ireturn: the operand is at code offset 3.
        MethodVisitor max = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "max", "(II)I", null, null);
        max.visitCode();
        max.visitVarInsn(Opcodes.ILOAD, 0);
        max.visitVarInsn(Opcodes.ILOAD, 1);
        max.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "max", "(II)I", false);
        max.visitInsn(Opcodes.IRETURN);
        max.visitMaxs(0, 0);
        max.visitEnd();

        MethodVisitor clamp = cw.visitMethod(Opcodes.ACC_STATIC, "clamp", "(I)I", null, null);
        clamp.visitCode();
        Label positive = new Label();
        clamp.visitVarInsn(Opcodes.ILOAD, 0);
        clamp.visitJumpInsn(Opcodes.IFGE, positive);
        clamp.visitInsn(Opcodes.ICONST_0);
        clamp.visitInsn(Opcodes.IRETURN);
        clamp.visitLabel(positive);
        clamp.visitVarInsn(Opcodes.ILOAD, 0);
        clamp.visitIntInsn(Opcodes.BIPUSH, 100);
        clamp.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "min", "(II)I", false);
        clamp.visitInsn(Opcodes.IRETURN);
        clamp.visitMaxs(0, 0);
        clamp.visitEnd();

        MethodVisitor names = cw.visitMethod(Opcodes.ACC_PUBLIC, "names", "()Ljava/util/List;",
                "()Ljava/util/List<Ljava/lang/String;>;", new String[] {"java/io/IOException"});
        names.visitAnnotation("Ljava/lang/Deprecated;", true).visitEnd();
        names.visitCode();
        names.visitVarInsn(Opcodes.ALOAD, 0);
        names.visitFieldInsn(Opcodes.GETFIELD, RICH, "names", "Ljava/util/List;");
        names.visitInsn(Opcodes.ARETURN);
        names.visitMaxs(0, 0);
        names.visitEnd();

        MethodVisitor text = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "text", "()Ljava/lang/String;",
                null, null);
        text.visitCode();
        text.visitLdcInsn(ODD_STRING);
        text.visitInsn(Opcodes.ARETURN);
        text.visitMaxs(0, 0);
        text.visitEnd();

        MethodVisitor plain = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "plain", "()Ljava/lang/String;",
                null, null);
        plain.visitCode();
        plain.visitLdcInsn(PLAIN_STRING);
        plain.visitInsn(Opcodes.ARETURN);
        plain.visitMaxs(0, 0);
        plain.visitEnd();
        cw.visitEnd();
        byte[] first = cw.toByteArray();

        // Copy it with its pool (all attribute names are in it by now) and add a double: the pool then ends with a
        // two-slot entry.
        ClassReader reader = new ClassReader(first);
        ClassWriter copy = new ClassWriter(reader, 0);
        copy.newConst(LAST_DOUBLE);
        reader.accept(copy, 0);
        return copy.toByteArray();
    }

    /**
     * {@code public class fixture/Caller { public static int run(int a) { if (a < 0) a = -a; return Math.max(a, 4); }
     * }}, with a stack map frame at the join.
     */
    static byte[] caller() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fixture/Caller", null, "java/lang/Object",
                null);
        cw.visitSource("Caller.java", null);
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(I)I", null, null);
        run.visitCode();
        Label join = new Label();
        run.visitVarInsn(Opcodes.ILOAD, 0);
        run.visitJumpInsn(Opcodes.IFGE, join);
        run.visitVarInsn(Opcodes.ILOAD, 0);
        run.visitInsn(Opcodes.INEG);
        run.visitVarInsn(Opcodes.ISTORE, 0);
        run.visitLabel(join);
        run.visitVarInsn(Opcodes.ILOAD, 0);
        run.visitInsn(Opcodes.ICONST_4);
        run.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "max", "(II)I", false);
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code public class fixture/Helper { public static int pick(int a, int b) { return a * 1000 + b; } }} */
    static byte[] helper() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fixture/Helper", null, "java/lang/Object",
                null);
        MethodVisitor pick = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "pick", "(II)I", null, null);
        pick.visitCode();
        pick.visitVarInsn(Opcodes.ILOAD, 0);
        pick.visitIntInsn(Opcodes.SIPUSH, 1000);
        pick.visitInsn(Opcodes.IMUL);
        pick.visitVarInsn(Opcodes.ILOAD, 1);
        pick.visitInsn(Opcodes.IADD);
        pick.visitInsn(Opcodes.IRETURN);
        pick.visitMaxs(0, 0);
        pick.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class the verifier must reject: {@code static int bad()} returns null as an int. */
    static byte[] unverifiable() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fixture/Broken", null, "java/lang/Object",
                null);
        MethodVisitor bad = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "bad", "()I", null, null);
        bad.visitCode();
        bad.visitInsn(Opcodes.ACONST_NULL);
        bad.visitInsn(Opcodes.IRETURN);
        bad.visitMaxs(0, 0);
        bad.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class with no members or attributes and {@code utf8s} extra distinct Utf8 constants. */
    static byte[] bigPool(int utf8s) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fixture/Full", null, "java/lang/Object",
                null);
        for (int i = 0; i < utf8s; i++) {
            cw.newUTF8("s" + i);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The bytes of a JDK class, e.g. {@code java/util/ArrayList}. */
    static byte[] jdkClass(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new IllegalStateException("no " + internalName + ".class");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines the given classes (by binary name) itself, everything else from the test's loader. */
    static final class DefiningLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        DefiningLoader(Map<String, byte[]> classes) {
            super(ClassFileAppenderFixtures.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The constant pool as ASM reads it
    // ---------------------------------------------------------------------------------------------------------

    /** The tag of pool entry {@code index}, or 0 for the unused second slot of a long or double. */
    static int tag(ClassReader reader, int index) {
        int item = reader.getItem(index);
        return item == 0 ? 0 : reader.readByte(item - 1);
    }

    /** The string of {@code Utf8} entry {@code index}, decoded by {@link DataInputStream#readUTF}. */
    static String utf8(ClassReader reader, int index) {
        if (tag(reader, index) != UTF8) {
            throw new AssertionError("entry " + index + " has tag " + tag(reader, index) + ", not Utf8");
        }
        int item = reader.getItem(index);
        byte[] bytes = reader.readBytes(item, 2 + reader.readUnsignedShort(item));
        try {
            return new DataInputStream(new ByteArrayInputStream(bytes)).readUTF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The method a {@code Methodref} or {@code InterfaceMethodref} entry names. */
    static MethodRef method(ClassReader reader, int index) {
        int tag = tag(reader, index);
        if (tag != METHODREF && tag != INTERFACE_METHODREF) {
            throw new AssertionError("entry " + index + " has tag " + tag + ", not a method reference");
        }
        char[] buffer = new char[reader.getMaxStringLength()];
        int item = reader.getItem(index);
        int nameAndType = reader.getItem(reader.readUnsignedShort(item + 2));
        return new MethodRef(reader.readClass(item, buffer), reader.readUTF8(nameAndType, buffer),
                reader.readUTF8(nameAndType + 2, buffer));
    }

    /** The first index of a {@code Utf8} entry holding {@code value}, or -1. */
    static int indexOfUtf8(ClassReader reader, String value) {
        for (int i = 1; i < reader.getItemCount(); i++) {
            if (tag(reader, i) == UTF8 && utf8(reader, i).equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** The first index of a method reference entry with the given tag naming {@code ref}, or -1. */
    static int indexOfMethod(ClassReader reader, int tag, MethodRef ref) {
        for (int i = 1; i < reader.getItemCount(); i++) {
            if (tag(reader, i) == tag && method(reader, i).equals(ref)) {
                return i;
            }
        }
        return -1;
    }

    static int u2(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
    }

    static int s4(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The file's layout, walked by hand (the pool through ASM)
    // ---------------------------------------------------------------------------------------------------------

    /** One attribute: where its {@code attribute_name_index} is, and the length of its info. */
    record Attr(String name, int offset, int length) {
        int end() {
            return offset + 6 + length;
        }
    }

    /** One field or method: where it starts and ends, and its attributes. */
    record Member(String name, String descriptor, int offset, int end, List<Attr> attributes) {
        Attr attribute(String attributeName) {
            return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + descriptor + " has no " + attributeName));
        }

        /** The offset in the file of the first byte of the method's code. */
        int codeStart() {
            return attribute("Code").offset() + 6 + 2 + 2 + 4;
        }
    }

    /** Where everything after the pool is. */
    record Layout(int poolEnd, List<Member> fields, List<Member> methods, int classAttributesCount,
            List<Attr> classAttributes) {

        static Layout of(byte[] bytes) {
            ClassReader reader = new ClassReader(bytes);
            char[] buffer = new char[Math.max(reader.getMaxStringLength(), 16)];
            int at = reader.header + 6;
            at += 2 + 2 * reader.readUnsignedShort(at);
            List<List<Member>> members = new ArrayList<>();
            for (int kind = 0; kind < 2; kind++) {
                List<Member> list = new ArrayList<>();
                int count = reader.readUnsignedShort(at);
                at += 2;
                for (int m = 0; m < count; m++) {
                    int start = at;
                    String name = reader.readUTF8(at + 2, buffer);
                    String descriptor = reader.readUTF8(at + 4, buffer);
                    List<Attr> attributes = attributes(reader, at + 6, buffer);
                    at = attributes.isEmpty() ? at + 8 : attributes.get(attributes.size() - 1).end();
                    list.add(new Member(name, descriptor, start, at, attributes));
                }
                members.add(list);
            }
            List<Attr> classAttributes = attributes(reader, at, buffer);
            return new Layout(reader.header, members.get(0), members.get(1), at, classAttributes);
        }

        private static List<Attr> attributes(ClassReader reader, int at, char[] buffer) {
            List<Attr> list = new ArrayList<>();
            int count = reader.readUnsignedShort(at);
            at += 2;
            for (int a = 0; a < count; a++) {
                Attr attribute = new Attr(reader.readUTF8(at, buffer), at, reader.readInt(at + 2));
                list.add(attribute);
                at = attribute.end();
            }
            return list;
        }

        Member method(String name, String descriptor) {
            return methods.stream().filter(m -> m.name().equals(name) && m.descriptor().equals(descriptor))
                    .findFirst().orElseThrow(() -> new AssertionError("no method " + name + descriptor));
        }
    }

    /**
     * A {@link ClassReader} that tells, while it visits a method's code, the bytecode offset of the instruction
     * being visited.
     */
    static final class OffsetReader extends ClassReader {
        int instruction;

        OffsetReader(byte[] bytes) {
            super(bytes);
        }

        @Override
        protected void readBytecodeInstructionOffset(int bytecodeOffset) {
            instruction = bytecodeOffset;
        }
    }

    /** An invokestatic instruction: its method, the bytecode offset of its opcode and the callee. */
    record StaticCall(String callerName, String callerDescriptor, int instruction, MethodRef callee,
            boolean isInterface) {
    }

    /** The invokestatic instructions of a class, as ASM visits them. */
    static List<StaticCall> staticCalls(byte[] bytes) {
        OffsetReader reader = new OffsetReader(bytes);
        List<StaticCall> calls = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String callee, String calleeDescriptor,
                            boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC) {
                            calls.add(new StaticCall(name, descriptor, reader.instruction,
                                    new MethodRef(owner, callee, calleeDescriptor), isInterface));
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Everything ASM visits, as text
    // ---------------------------------------------------------------------------------------------------------

    /** Captures the contents of class attributes of one name. */
    static final class Capture extends Attribute {
        final List<byte[]> contents = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();

        Capture(String type) {
            super(type);
        }

        @Override
        protected Attribute read(ClassReader classReader, int offset, int length, char[] charBuffer,
                int codeAttributeOffset, Label[] labels) {
            contents.add(classReader.readBytes(offset, length));
            offsets.add(offset);
            return new Capture(type);
        }
    }

    /**
     * Returns one line per thing ASM visits in the class: header, source, annotations, unknown attributes, inner
     * classes, nest members, fields, and each method's signature, annotations, every instruction with its
     * operands, labels (numbered in order), frames, try-catch blocks, line numbers, local variables and maxs.
     */
    static List<String> listing(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        new ClassReader(bytes).accept(new ListingClassVisitor(lines), 0);
        return lines;
    }

    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value.getClass().isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                s.append(i == 0 ? "" : ", ").append(java.lang.reflect.Array.get(value, i));
            }
            return s.append(']').toString();
        }
        if (value instanceof String s) {
            return '"' + s.replace("\u0000", "\\0") + '"';
        }
        if (value instanceof Type || value instanceof Handle) {
            return value.getClass().getSimpleName() + "(" + value + ")";
        }
        return value.getClass().getSimpleName() + "(" + value + ")";
    }

    private static final class ListingAnnotationVisitor extends AnnotationVisitor {
        private final List<String> lines;
        private final String indent;

        ListingAnnotationVisitor(List<String> lines, String indent) {
            super(Opcodes.ASM9);
            this.lines = lines;
            this.indent = indent;
        }

        @Override
        public void visit(String name, Object value) {
            lines.add(indent + name + " = " + text(value));
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            lines.add(indent + name + " = enum " + descriptor + "." + value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            lines.add(indent + name + " = @" + descriptor);
            return new ListingAnnotationVisitor(lines, indent + "  ");
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            lines.add(indent + name + " = array");
            return new ListingAnnotationVisitor(lines, indent + "  ");
        }

        @Override
        public void visitEnd() {
            lines.add(indent + "end");
        }
    }

    private static final class ListingClassVisitor extends ClassVisitor {
        private final List<String> lines;

        ListingClassVisitor(List<String> lines) {
            super(Opcodes.ASM9);
            this.lines = lines;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            lines.add("CLASS version=" + version + " access=" + access + " " + name + " signature=" + signature
                    + " super=" + superName + " interfaces=" + Arrays.toString(interfaces));
        }

        @Override
        public void visitSource(String source, String debug) {
            lines.add("SOURCE " + source + " debug=" + debug);
        }

        @Override
        public ModuleVisitor visitModule(String name, int access, String version) {
            lines.add("MODULE " + name);
            return null;
        }

        @Override
        public void visitNestHost(String nestHost) {
            lines.add("NESTHOST " + nestHost);
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            lines.add("OUTERCLASS " + owner + " " + name + descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            lines.add("ANNOTATION @" + descriptor + " visible=" + visible);
            return new ListingAnnotationVisitor(lines, "  ");
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            lines.add("TYPE ANNOTATION " + typeRef + " " + typePath + " @" + descriptor + " visible=" + visible);
            return new ListingAnnotationVisitor(lines, "  ");
        }

        @Override
        public void visitAttribute(Attribute attribute) {
            lines.add("ATTRIBUTE " + attribute.type);
        }

        @Override
        public void visitNestMember(String nestMember) {
            lines.add("NESTMEMBER " + nestMember);
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            lines.add("PERMITTED " + permittedSubclass);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            lines.add("INNERCLASS " + name + " " + outerName + " " + innerName + " " + access);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            lines.add("RECORD COMPONENT " + name + " " + descriptor + " " + signature);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            lines.add("FIELD access=" + access + " " + name + " " + descriptor + " signature=" + signature
                    + " value=" + text(value));
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    lines.add("  ANNOTATION @" + annotation + " visible=" + visible);
                    return new ListingAnnotationVisitor(lines, "    ");
                }

                @Override
                public void visitAttribute(Attribute attribute) {
                    lines.add("  ATTRIBUTE " + attribute.type);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            lines.add("METHOD access=" + access + " " + name + descriptor + " signature=" + signature
                    + " exceptions=" + Arrays.toString(exceptions));
            return new ListingMethodVisitor(lines);
        }

        @Override
        public void visitEnd() {
            lines.add("END");
        }
    }

    private static final class ListingMethodVisitor extends MethodVisitor {
        private final List<String> lines;
        private final Map<Label, Integer> labels = new IdentityHashMap<>();

        ListingMethodVisitor(List<String> lines) {
            super(Opcodes.ASM9);
            this.lines = lines;
        }

        private String label(Label label) {
            return "L" + labels.computeIfAbsent(label, l -> labels.size());
        }

        private String frameItems(int count, Object[] items) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(items[i] instanceof Label l ? label(l) : String.valueOf(items[i]));
            }
            return out.toString();
        }

        private void add(String line) {
            lines.add("  " + line);
        }

        @Override
        public void visitParameter(String name, int access) {
            add("PARAMETER " + name + " " + access);
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            add("ANNOTATION DEFAULT");
            return new ListingAnnotationVisitor(lines, "    ");
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            add("ANNOTATION @" + descriptor + " visible=" + visible);
            return new ListingAnnotationVisitor(lines, "    ");
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            add("TYPE ANNOTATION " + typeRef + " " + typePath + " @" + descriptor + " visible=" + visible);
            return new ListingAnnotationVisitor(lines, "    ");
        }

        @Override
        public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
            add("ANNOTABLE PARAMETERS " + parameterCount + " visible=" + visible);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            add("PARAMETER ANNOTATION " + parameter + " @" + descriptor + " visible=" + visible);
            return new ListingAnnotationVisitor(lines, "    ");
        }

        @Override
        public void visitAttribute(Attribute attribute) {
            add("ATTRIBUTE " + attribute.type);
        }

        @Override
        public void visitCode() {
            add("CODE");
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            add("FRAME " + type + " locals=" + frameItems(numLocal, local) + " stack=" + frameItems(numStack, stack));
        }

        @Override
        public void visitInsn(int opcode) {
            add("INSN " + opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            add("INT " + opcode + " " + operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            add("VAR " + opcode + " " + varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            add("TYPE " + opcode + " " + type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            add("FIELD " + opcode + " " + owner + "." + name + " " + descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            add("INVOKE " + opcode + " " + owner + "." + name + descriptor + " itf=" + isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
                Object... bootstrapMethodArguments) {
            add("INDY " + name + descriptor + " " + bootstrapMethodHandle + " " + text(bootstrapMethodArguments));
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            add("JUMP " + opcode + " " + label(label));
        }

        @Override
        public void visitLabel(Label label) {
            add(label(label) + ":");
        }

        @Override
        public void visitLdcInsn(Object value) {
            add("LDC " + text(value));
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            add("IINC " + varIndex + " " + increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
            List<String> names = new ArrayList<>();
            for (Label target : targets) {
                names.add(label(target));
            }
            add("TABLESWITCH " + min + " " + max + " " + label(dflt) + " " + names);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
            List<String> names = new ArrayList<>();
            for (Label target : targets) {
                names.add(label(target));
            }
            add("LOOKUPSWITCH " + label(dflt) + " " + Arrays.toString(keys) + " " + names);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            add("MULTIANEWARRAY " + descriptor + " " + numDimensions);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            add("INSN ANNOTATION " + typeRef + " " + typePath + " @" + descriptor);
            return new ListingAnnotationVisitor(lines, "    ");
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            add("TRYCATCH " + label(start) + " " + label(end) + " " + label(handler) + " " + type);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            add("TRYCATCH ANNOTATION " + typeRef + " " + typePath + " @" + descriptor);
            return new ListingAnnotationVisitor(lines, "    ");
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                int index) {
            add("LOCAL " + name + " " + descriptor + " " + signature + " " + label(start) + " " + label(end) + " "
                    + index);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                Label[] end, int[] index, String descriptor, boolean visible) {
            add("LOCAL ANNOTATION " + typeRef + " @" + descriptor);
            return new ListingAnnotationVisitor(lines, "    ");
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            add("LINE " + line + " " + label(start));
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            add("MAXS " + maxStack + " " + maxLocals);
        }

        @Override
        public void visitEnd() {
            add("END");
        }
    }
}
