package dev.patchsite.linker.internal.classfile;

import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.CLASS;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.DOUBLE;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.INTERFACE_METHODREF;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.LAST_DOUBLE;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.LONG;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.METHODREF;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.NAME_AND_TYPE;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.ODD_STRING;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.PLAIN_STRING;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.RICH;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.UTF8;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.indexOfMethod;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.indexOfUtf8;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.listing;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.method;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.s4;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.staticCalls;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.tag;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.u2;
import static dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.Attr;
import dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.Capture;
import dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.DefiningLoader;
import dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.Layout;
import dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.Member;
import dev.patchsite.linker.internal.classfile.ClassFileAppenderFixtures.StaticCall;
import dev.patchsite.linker.table.MethodRef;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Checks {@link ClassFileAppender} against ASM: the pool indexes it finds and adds are the ones ASM's reader sees,
 * the class it writes is the original with exactly the asked-for changes (compared instruction by instruction), it
 * loads and runs in a verifying JVM, and malformed or full classes fail with the messages the class promises.
 */
class ClassFileAppenderTest {

    private static final String ATTRIBUTE = "PatchSites";
    private static final String FULL = "the constant pool is full (65,535 entries)";

    private static final MethodRef MATH_MAX = new MethodRef("java/lang/Math", "max", "(II)I");
    private static final MethodRef LIST_SIZE = new MethodRef("java/util/List", "size", "()I");
    private static final MethodRef HELPER_PICK = new MethodRef("fixture/Helper", "pick", "(II)I");

    /** The classes the pool tests run on: ASM-generated fixtures and real JDK classes. */
    private static byte[] bytesOf(String name) {
        return switch (name) {
            case RICH -> ClassFileAppenderFixtures.rich();
            case "fixture/Caller" -> ClassFileAppenderFixtures.caller();
            default -> ClassFileAppenderFixtures.jdkClass(name);
        };
    }

    private static byte[] info(int length) {
        byte[] info = new byte[length];
        for (int i = 0; i < length; i++) {
            info[i] = (byte) (i * 7 + 3);
        }
        return info;
    }

    private static byte[] range(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The fixture itself
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void richFixtureHasTwoSlotEntriesAndEndsItsPoolWithADouble() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        ClassReader reader = new ClassReader(rich);
        int count = reader.getItemCount();
        assertEquals(DOUBLE, tag(reader, count - 2));
        assertEquals(0, tag(reader, count - 1), "the second slot of the last double");
        assertEquals(LAST_DOUBLE, reader.readConst(count - 2, new char[64]));
        List<Object> longs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tag(reader, i) == LONG) {
                longs.add(reader.readConst(i, new char[64]));
            }
        }
        assertEquals(List.of(1234567890123L, 987654321987L), longs);
        Layout layout = Layout.of(rich);
        assertEquals(List.of("BIG", "ratio", "names"), layout.fields().stream().map(Member::name).toList());
        assertEquals(List.of("<init>", "run", "compareTo", "max", "clamp", "names", "text", "plain"),
                layout.methods().stream().map(Member::name).toList());
        assertEquals(List.of("Signature", "SourceFile", "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations"),
                layout.classAttributes().stream().map(Attr::name).toList());
        assertEquals(List.of("Code", "Exceptions", "Signature", "RuntimeVisibleAnnotations"),
                layout.method("names", "()Ljava/util/List;").attributes().stream().map(Attr::name).toList());
        assertEquals(rich.length, layout.classAttributes().get(3).end());
    }

    // ---------------------------------------------------------------------------------------------------------
    // className, utf8, method: existing constants
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void classNameIsTheInternalNameOfThisClass() {
        assertEquals("fixture/Rich", new ClassFileAppender(ClassFileAppenderFixtures.rich()).className());
        assertEquals("fixture/Caller", new ClassFileAppender(ClassFileAppenderFixtures.caller()).className());
        assertEquals("java/util/ArrayList", new ClassFileAppender(bytesOf("java/util/ArrayList")).className());
        assertEquals("java/util/HashMap$Node", new ClassFileAppender(bytesOf("java/util/HashMap$Node")).className());
    }

    /** Every Utf8 and method reference already in the pool is found where ASM sees it, and nothing is added. */
    @ParameterizedTest
    @ValueSource(strings = {RICH, "fixture/Caller", "java/util/ArrayList", "java/lang/String",
            "java/util/concurrent/ConcurrentHashMap", "java/util/HashMap$Node"})
    void findsEveryUtf8AndMethodReferenceAtTheIndexAsmSees(String name) {
        byte[] bytes = bytesOf(name);
        byte[] copy = bytes.clone();
        ClassReader reader = new ClassReader(bytes);
        Map<String, Integer> firstUtf8 = new HashMap<>();
        Map<String, Integer> firstMethod = new HashMap<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int tag = tag(reader, i);
            if (tag == UTF8) {
                firstUtf8.putIfAbsent(utf8(reader, i), i);
            } else if (tag == METHODREF || tag == INTERFACE_METHODREF) {
                firstMethod.putIfAbsent(tag + " " + method(reader, i), i);
            }
        }
        ClassFileAppender appender = new ClassFileAppender(bytes);
        assertEquals(name, appender.className());
        int methods = 0;
        int interfaceMethods = 0;
        for (int i = 1; i < reader.getItemCount(); i++) {
            int tag = tag(reader, i);
            if (tag == UTF8) {
                String value = utf8(reader, i);
                assertEquals(firstUtf8.get(value), appender.utf8(value), "Utf8 \"" + value + "\"");
            } else if (tag == METHODREF || tag == INTERFACE_METHODREF) {
                MethodRef ref = method(reader, i);
                assertEquals(firstMethod.get(tag + " " + ref), appender.method(ref, tag == INTERFACE_METHODREF),
                        (tag == METHODREF ? "Methodref " : "InterfaceMethodref ") + ref);
                if (tag == METHODREF) {
                    methods++;
                } else {
                    interfaceMethods++;
                }
            }
        }
        assertTrue(firstUtf8.size() > 5, "Utf8 constants: " + firstUtf8.size());
        assertTrue(methods > 0, "Methodrefs: " + methods);
        if (!name.equals("fixture/Caller") && !name.equals("java/util/HashMap$Node")) {
            assertTrue(interfaceMethods > 0, "InterfaceMethodrefs: " + interfaceMethods);
        }
        assertEquals(0, appender.poolGrowth());
        assertArrayEquals(bytes, appender.toByteArray(0, null));
        assertArrayEquals(copy, bytes, "the input is not modified");
    }

    @Test
    void findsTheConstantsRichHasWhereAsmSeesThem() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        ClassReader reader = new ClassReader(rich);
        ClassFileAppender appender = new ClassFileAppender(rich);
        for (String value : List.of("Rich.java", "fixture/Rich", "Code", "StackMapTable", "Signature", "max", "(II)I",
                "Ljava/util/List<Ljava/lang/String;>;", ODD_STRING, PLAIN_STRING)) {
            int expected = indexOfUtf8(reader, value);
            assertTrue(expected > 0, value + " is in the pool");
            assertEquals(expected, appender.utf8(value), value);
            assertEquals(expected, appender.utf8(value), value + ", asked again");
        }
        int max = indexOfMethod(reader, METHODREF, MATH_MAX);
        int size = indexOfMethod(reader, INTERFACE_METHODREF, LIST_SIZE);
        assertTrue(max > 0 && size > 0);
        assertEquals(max, appender.method(MATH_MAX, false));
        assertEquals(size, appender.method(LIST_SIZE, true));
        assertEquals(max, appender.method(MATH_MAX, false));
        assertEquals(indexOfMethod(reader, METHODREF, new MethodRef("java/lang/Object", "<init>", "()V")),
                appender.method(new MethodRef("java/lang/Object", "<init>", "()V"), false));
        assertEquals(0, appender.poolGrowth());
    }

    // ---------------------------------------------------------------------------------------------------------
    // utf8, method: added constants
    // ---------------------------------------------------------------------------------------------------------

    /** New constants go after the last entry, a double taking two slots: the first new index is the pool count. */
    @ParameterizedTest
    @ValueSource(strings = {RICH, "java/util/ArrayList"})
    void addsUtf8ConstantsAtConsecutiveIndexesFromThePoolCount(String name) {
        byte[] bytes = bytesOf(name);
        ClassReader reader = new ClassReader(bytes);
        int count = reader.getItemCount();
        ClassFileAppender appender = new ClassFileAppender(bytes);
        assertEquals(count, appender.utf8("new/One"));
        assertEquals(count + 1, appender.utf8("second"));
        assertEquals(count, appender.utf8("new/One"));
        assertEquals(count + 1, appender.utf8("second"));
        assertEquals(3 + 7 + 3 + 6, appender.poolGrowth());

        byte[] out = appender.toByteArray(0, null);
        assertEquals(bytes.length + 19, out.length);
        ClassReader edited = new ClassReader(out);
        assertEquals(count + 2, edited.getItemCount());
        assertEquals(reader.header + 19, edited.header);
        assertEquals("new/One", utf8(edited, count));
        assertEquals("second", utf8(edited, count + 1));
        if (name.equals(RICH)) {
            assertEquals(LAST_DOUBLE, edited.readConst(count - 2, new char[64]));
        }
        assertEquals(listing(bytes), listing(out));
    }

    /** Strings are written in the class file's modified UTF-8: NUL as two bytes, a supplementary char as six. */
    @Test
    void writesUtf8ConstantsInModifiedUtf8() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        int count = new ClassReader(rich).getItemCount();
        ClassFileAppender appender = new ClassFileAppender(rich);
        String odd = "a\u0000\u00e9\u20ac\ud83d\ude00";
        assertEquals(count, appender.utf8(odd));
        assertEquals(3 + 1 + 2 + 2 + 3 + 6, appender.poolGrowth());
        byte[] out = appender.toByteArray(0, null);
        byte[] entry = range(out, new ClassReader(rich).header, new ClassReader(rich).header + 17);
        assertArrayEquals(new byte[] {1, 0, 14, 'a', (byte) 0xc0, (byte) 0x80, (byte) 0xc3, (byte) 0xa9, (byte) 0xe2,
            (byte) 0x82, (byte) 0xac, (byte) 0xed, (byte) 0xa0, (byte) 0xbd, (byte) 0xed, (byte) 0xb8, (byte) 0x80},
                entry);
        assertEquals(odd, utf8(new ClassReader(out), count));
        // The same string, found among the added ones: no second copy.
        assertEquals(count, appender.utf8(odd));
        assertEquals(17, appender.poolGrowth());
    }

    /** Only the constants a method reference lacks are added, each once, in the order Utf8s, Class, NameAndType. */
    @Test
    void addsOnlyTheConstantsAMethodReferenceLacks() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        ClassReader reader = new ClassReader(rich);
        int c = reader.getItemCount();
        ClassFileAppender appender = new ClassFileAppender(rich);

        // Nothing of it is there: Utf8 owner, Class, Utf8 name, Utf8 descriptor, NameAndType, Methodref.
        MethodRef longPick = new MethodRef("fixture/Helper", "pick", "(JJ)J");
        assertEquals(c + 5, appender.method(longPick, false));
        assertEquals((3 + 14) + 3 + (3 + 4) + (3 + 5) + 5 + 5, appender.poolGrowth());
        assertEquals(c + 5, appender.method(longPick, false));
        assertEquals(45, appender.poolGrowth());
        // The interface form reuses its Class and NameAndType.
        assertEquals(c + 6, appender.method(longPick, true));
        assertEquals(50, appender.poolGrowth());
        assertEquals(c + 6, appender.method(longPick, true));
        assertEquals(c + 5, appender.method(longPick, false));
        // A new owner, the NameAndType max(II)I Math.max already has.
        MethodRef strictMax = new MethodRef("java/lang/StrictMath", "max", "(II)I");
        assertEquals(c + 9, appender.method(strictMax, false));
        assertEquals(50 + (3 + 20) + 3 + 5, appender.poolGrowth());
        // This class's own Class constant, an added Utf8 ("pick"), an existing one ("(II)I"), a new NameAndType.
        MethodRef richPick = new MethodRef(RICH, "pick", "(II)I");
        assertEquals(c + 11, appender.method(richPick, false));
        assertEquals(81 + 5 + 5, appender.poolGrowth());
        assertEquals(c, appender.utf8("fixture/Helper"));
        assertEquals(c + 2, appender.utf8("pick"));
        assertEquals(c + 3, appender.utf8("(JJ)J"));
        assertEquals(91, appender.poolGrowth());

        byte[] out = appender.toByteArray(0, null);
        assertEquals(rich.length + 91, out.length);
        ClassReader edited = new ClassReader(out);
        assertEquals(c + 12, edited.getItemCount());
        assertEquals(reader.header + 91, edited.header);
        int[] tags = new int[12];
        for (int i = 0; i < 12; i++) {
            tags[i] = tag(edited, c + i);
        }
        assertArrayEquals(new int[] {UTF8, CLASS, UTF8, UTF8, NAME_AND_TYPE, METHODREF, INTERFACE_METHODREF, UTF8,
            CLASS, METHODREF, NAME_AND_TYPE, METHODREF}, tags);
        assertEquals(longPick, method(edited, c + 5));
        assertEquals(longPick, method(edited, c + 6));
        assertEquals(strictMax, method(edited, c + 9));
        assertEquals(richPick, method(edited, c + 11));
        assertEquals("java/lang/StrictMath", utf8(edited, c + 7));
        // The operands of the added entries.
        assertEquals(c, u2(out, edited.getItem(c + 1)));
        assertEquals(List.of(c + 2, c + 3), List.of(u2(out, edited.getItem(c + 4)), u2(out, edited.getItem(c + 4) + 2)));
        assertEquals(List.of(c + 1, c + 4), List.of(u2(out, edited.getItem(c + 5)), u2(out, edited.getItem(c + 5) + 2)));
        assertEquals(List.of(c + 1, c + 4), List.of(u2(out, edited.getItem(c + 6)), u2(out, edited.getItem(c + 6) + 2)));
        int mathMax = indexOfMethod(reader, METHODREF, MATH_MAX);
        assertEquals(List.of(c + 8, u2(rich, reader.getItem(mathMax) + 2)),
                List.of(u2(out, edited.getItem(c + 9)), u2(out, edited.getItem(c + 9) + 2)));
        int thisClass = u2(rich, reader.header + 2);
        assertEquals(List.of(thisClass, c + 10),
                List.of(u2(out, edited.getItem(c + 11)), u2(out, edited.getItem(c + 11) + 2)));
        assertEquals(List.of(c + 2, indexOfUtf8(reader, "(II)I")),
                List.of(u2(out, edited.getItem(c + 10)), u2(out, edited.getItem(c + 10) + 2)));
        assertEquals(listing(rich), listing(out));
    }

    /** A Methodref is not an InterfaceMethodref for the same method, nor the other way round. */
    @Test
    void doesNotConfuseMethodrefsWithInterfaceMethodrefs() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        ClassReader reader = new ClassReader(rich);
        int c = reader.getItemCount();
        int size = indexOfMethod(reader, INTERFACE_METHODREF, LIST_SIZE);
        int max = indexOfMethod(reader, METHODREF, MATH_MAX);
        assertEquals(-1, indexOfMethod(reader, METHODREF, LIST_SIZE));
        assertEquals(-1, indexOfMethod(reader, INTERFACE_METHODREF, MATH_MAX));
        ClassFileAppender appender = new ClassFileAppender(rich);

        assertEquals(c, appender.method(LIST_SIZE, false));
        assertEquals(5, appender.poolGrowth());
        assertEquals(c + 1, appender.method(MATH_MAX, true));
        assertEquals(10, appender.poolGrowth());
        assertEquals(size, appender.method(LIST_SIZE, true));
        assertEquals(max, appender.method(MATH_MAX, false));
        assertEquals(c, appender.method(LIST_SIZE, false));
        assertEquals(c + 1, appender.method(MATH_MAX, true));
        assertEquals(10, appender.poolGrowth());

        byte[] out = appender.toByteArray(0, null);
        ClassReader edited = new ClassReader(out);
        assertEquals(METHODREF, tag(edited, c));
        assertEquals(INTERFACE_METHODREF, tag(edited, c + 1));
        assertEquals(LIST_SIZE, method(edited, c));
        assertEquals(MATH_MAX, method(edited, c + 1));
        // Same Class and NameAndType as the entry of the other kind.
        assertArrayEquals(range(rich, reader.getItem(size), reader.getItem(size) + 4),
                range(out, edited.getItem(c), edited.getItem(c) + 4));
        assertArrayEquals(range(rich, reader.getItem(max), reader.getItem(max) + 4),
                range(out, edited.getItem(c + 1), edited.getItem(c + 1) + 4));
    }

    // ---------------------------------------------------------------------------------------------------------
    // toByteArray
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {RICH, "fixture/Caller", "java/util/ArrayList"})
    void writesTheOriginalBytesWhenNothingIsAdded(String name) {
        byte[] bytes = bytesOf(name);
        ClassFileAppender appender = new ClassFileAppender(bytes);
        byte[] out = appender.toByteArray(0, null);
        assertArrayEquals(bytes, out);
        assertArrayEquals(bytes, appender.toByteArray(0, null), "asked twice");
        // The name is ignored without info.
        assertArrayEquals(bytes, appender.toByteArray(4321, null));
    }

    /**
     * The pool grows, the rest is copied byte for byte but for the count of class attributes, and the attribute
     * ends the file; ASM reads the same class plus the attribute, whose contents a prototype sees where they were
     * put.
     */
    @ParameterizedTest
    @ValueSource(strings = {RICH, "java/util/ArrayList", "java/lang/String"})
    void appendsTheAttributeAtTheEndOfTheFile(String name) {
        byte[] original = bytesOf(name);
        ClassReader reader = new ClassReader(original);
        int c = reader.getItemCount();
        Layout before = Layout.of(original);
        assertEquals(-1, indexOfUtf8(reader, ATTRIBUTE));
        assertEquals(-1, indexOfUtf8(reader, "patch/Trampolines"));
        assertTrue(indexOfUtf8(reader, "()V") > 0);

        ClassFileAppender appender = new ClassFileAppender(original);
        int attributeName = appender.utf8(ATTRIBUTE);
        MethodRef trampoline = new MethodRef("patch/Trampolines", "t0", "()V");
        int ref = appender.method(trampoline, false);
        assertEquals(c, attributeName);
        assertEquals(c + 5, ref);
        int growth = (3 + 10) + (3 + 17) + 3 + (3 + 2) + 5 + 5;
        assertEquals(growth, appender.poolGrowth());
        byte[] info = info(300);
        byte[] out = appender.toByteArray(attributeName, info);

        // Byte for byte.
        assertEquals(original.length + growth + 6 + 300, out.length);
        int header = reader.header;
        int countAt = before.classAttributesCount();
        assertArrayEquals(range(original, 0, 8), range(out, 0, 8));
        assertEquals(c + 6, u2(out, 8));
        assertArrayEquals(range(original, 10, header), range(out, 10, header));
        assertArrayEquals(range(original, header, countAt), range(out, header + growth, countAt + growth));
        assertEquals(u2(original, countAt) + 1, u2(out, countAt + growth));
        assertArrayEquals(range(original, countAt + 2, original.length),
                range(out, countAt + growth + 2, original.length + growth));
        assertEquals(attributeName, u2(out, original.length + growth));
        assertEquals(300, s4(out, original.length + growth + 2));
        assertArrayEquals(info, range(out, out.length - 300, out.length));

        // As ASM reads it.
        ClassReader edited = new ClassReader(out);
        assertEquals(header + growth, edited.header);
        assertEquals(c + 6, edited.getItemCount());
        assertEquals(ATTRIBUTE, utf8(edited, attributeName));
        assertEquals(trampoline, method(edited, ref));
        assertEquals(METHODREF, tag(edited, ref));
        Layout after = Layout.of(out);
        List<String> names = new ArrayList<>(before.classAttributes().stream().map(Attr::name).toList());
        names.add(ATTRIBUTE);
        assertEquals(names, after.classAttributes().stream().map(Attr::name).toList());
        assertEquals(new Attr(ATTRIBUTE, original.length + growth, 300),
                after.classAttributes().get(after.classAttributes().size() - 1));
        assertEquals(before.methods().size(), after.methods().size());
        assertEquals(before.fields().size(), after.fields().size());

        Capture capture = new Capture(ATTRIBUTE);
        edited.accept(new ClassVisitor(Opcodes.ASM9) {
        }, new Attribute[] {capture}, 0);
        assertEquals(1, capture.contents.size());
        assertArrayEquals(info, capture.contents.get(0));
        assertEquals(List.of(out.length - 300), capture.offsets);

        List<String> editedListing = listing(out);
        assertTrue(editedListing.remove("ATTRIBUTE " + ATTRIBUTE), "ASM visits the attribute");
        assertEquals(listing(original), editedListing);
    }

    @Test
    void appendsAnEmptyAttribute() {
        byte[] caller = ClassFileAppenderFixtures.caller();
        int c = new ClassReader(caller).getItemCount();
        ClassFileAppender appender = new ClassFileAppender(caller);
        int attributeName = appender.utf8(ATTRIBUTE);
        byte[] out = appender.toByteArray(attributeName, new byte[0]);
        assertEquals(caller.length + 13 + 6, out.length);
        assertArrayEquals(new byte[] {(byte) (c >>> 8), (byte) c, 0, 0, 0, 0}, range(out, out.length - 6, out.length));
        Capture capture = new Capture(ATTRIBUTE);
        new ClassReader(out).accept(new ClassVisitor(Opcodes.ASM9) {
        }, new Attribute[] {capture}, 0);
        assertEquals(1, capture.contents.size());
        assertEquals(0, capture.contents.get(0).length);
        assertEquals(Layout.of(caller).classAttributes().size() + 1, Layout.of(out).classAttributes().size());
    }

    @Test
    void addsNoAttributeWithoutInfo() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        Layout before = Layout.of(rich);
        ClassFileAppender appender = new ClassFileAppender(rich);
        int attributeName = appender.utf8(ATTRIBUTE);
        byte[] out = appender.toByteArray(attributeName, null);
        assertEquals(rich.length + 13, out.length);
        Layout after = Layout.of(out);
        assertEquals(before.classAttributes().size(), after.classAttributes().size());
        assertEquals(u2(rich, before.classAttributesCount()), u2(out, after.classAttributesCount()));
        assertEquals(before.classAttributesCount() + 13, after.classAttributesCount());
        assertEquals(listing(rich), listing(out));
    }

    // ---------------------------------------------------------------------------------------------------------
    // setU2
    // ---------------------------------------------------------------------------------------------------------

    /** An operand past the pool is given in the original's coordinates and lands where the code has moved to. */
    @Test
    void redirectsACallPastThePoolToAnAddedMethodref() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        byte[] copy = rich.clone();
        ClassReader reader = new ClassReader(rich);
        Member max = Layout.of(rich).method("max", "(II)I");
        List<StaticCall> calls = staticCalls(rich).stream().filter(call -> call.callerName().equals("max")).toList();
        assertEquals(List.of(new StaticCall("max", "(II)I", 2, MATH_MAX, false)), calls);
        int operand = max.codeStart() + 3;
        assertTrue(operand > reader.header);
        assertEquals(0xb8, rich[operand - 1] & 0xff, "invokestatic");
        assertEquals(indexOfMethod(reader, METHODREF, MATH_MAX), u2(rich, operand));

        ClassFileAppender appender = new ClassFileAppender(rich);
        // Utf8 "fixture/Helper", Class, Utf8 "pick", NameAndType with the existing "(II)I", Methodref.
        int target = appender.method(HELPER_PICK, false);
        assertEquals(reader.getItemCount() + 4, target);
        appender.setU2(operand, target);
        assertEquals(17 + 3 + 7 + 5 + 5, appender.poolGrowth());
        int attributeName = appender.utf8(ATTRIBUTE);
        assertEquals(37 + 13, appender.poolGrowth());
        byte[] out = appender.toByteArray(attributeName, info(9));

        assertEquals(target, u2(out, operand + 50));
        assertEquals(0xb8, out[operand + 50 - 1] & 0xff);
        List<String> expected = new ArrayList<>();
        for (String line : listing(rich)) {
            expected.add(line.equals("  INVOKE 184 java/lang/Math.max(II)I itf=false")
                    ? "  INVOKE 184 fixture/Helper.pick(II)I itf=false" : line);
        }
        assertNotEquals(listing(rich), expected);
        List<String> actual = listing(out);
        assertTrue(actual.remove("ATTRIBUTE " + ATTRIBUTE));
        assertEquals(expected, actual);
        assertEquals(List.of(new StaticCall("max", "(II)I", 2, HELPER_PICK, false)),
                staticCalls(out).stream().filter(call -> call.callerName().equals("max")).toList());
        assertArrayEquals(copy, rich, "the input is not modified");
    }

    /** Offsets inside the pool stay where they are; the first byte past it (access_flags) moves. */
    @Test
    void editsInsideThePoolAreNotMovedAndEditsFromItsEndAre() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        ClassReader reader = new ClassReader(rich);
        int plain = indexOfUtf8(reader, PLAIN_STRING);
        int chars = reader.getItem(plain) + 2;
        assertEquals(Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, u2(rich, reader.header));

        ClassFileAppender appender = new ClassFileAppender(rich);
        appender.method(new MethodRef(RICH, "pick", "(II)I"), false);
        assertEquals(17, appender.poolGrowth());
        appender.setU2(chars, 'x' << 8 | 'y');
        appender.setU2(reader.header, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER | Opcodes.ACC_FINAL);
        byte[] out = appender.toByteArray(0, null);

        assertEquals(Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER | Opcodes.ACC_FINAL, u2(out, reader.header + 17));
        assertEquals("xycd", utf8(new ClassReader(out), plain));
        List<String> expected = new ArrayList<>();
        for (String line : listing(rich)) {
            if (line.startsWith("CLASS ")) {
                assertTrue(line.startsWith("CLASS version=61 access=33 fixture/Rich "), line);
                line = line.replace("access=33 ", "access=49 ");
            }
            expected.add(line.equals("  LDC \"abcd\"") ? "  LDC \"xycd\"" : line);
        }
        assertNotEquals(listing(rich), expected);
        assertEquals(expected, listing(out));
    }

    /** Every invokestatic of a real class, pointed at a new owner's method of the same name: only those change. */
    @Test
    void redirectsEveryStaticCallOfAJdkClass() {
        byte[] original = bytesOf("java/util/ArrayList");
        ClassReader reader = new ClassReader(original);
        Layout layout = Layout.of(original);
        List<StaticCall> calls = staticCalls(original).stream().filter(call -> !call.isInterface()).toList();
        assertTrue(calls.size() >= 20, "static calls in ArrayList: " + calls.size());

        ClassFileAppender appender = new ClassFileAppender(original);
        Map<MethodRef, Integer> targets = new HashMap<>();
        for (StaticCall call : calls) {
            int at = layout.method(call.callerName(), call.callerDescriptor()).codeStart() + call.instruction();
            assertEquals(0xb8, original[at] & 0xff, call.toString());
            assertEquals(indexOfMethod(reader, METHODREF, call.callee()), u2(original, at + 1), call.toString());
            MethodRef trampoline = new MethodRef("patch/Trampolines", call.callee().name(),
                    call.callee().descriptor());
            int target = appender.method(trampoline, false);
            Integer known = targets.putIfAbsent(trampoline, target);
            if (known != null) {
                assertEquals(known, target);
            }
            appender.setU2(at + 1, target);
        }
        byte[] out = appender.toByteArray(appender.utf8(ATTRIBUTE), info(40));

        ClassReader edited = new ClassReader(out);
        assertEquals(reader.header + appender.poolGrowth(), edited.header);
        targets.forEach((ref, index) -> assertEquals(ref, method(edited, index)));
        List<String> expected = new ArrayList<>();
        int changed = 0;
        for (String line : listing(original)) {
            String prefix = "  INVOKE 184 ";
            if (line.startsWith(prefix) && line.endsWith(" itf=false")) {
                line = prefix + "patch/Trampolines" + line.substring(line.indexOf('.', prefix.length()));
                changed++;
            }
            expected.add(line);
        }
        assertEquals(calls.size(), changed);
        List<String> actual = listing(out);
        assertTrue(actual.remove("ATTRIBUTE " + ATTRIBUTE));
        assertEquals(expected, actual);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Loading and running
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void editedClassLoadsInAVerifyingLoaderAndCallsTheNewTarget() throws Exception {
        // The loader verifies: a class with a type error is refused.
        DefiningLoader check = new DefiningLoader(Map.of("fixture.Broken", ClassFileAppenderFixtures.unverifiable()));
        assertThrows(VerifyError.class, () -> Class.forName("fixture.Broken", true, check));

        byte[] caller = ClassFileAppenderFixtures.caller();
        byte[] helper = ClassFileAppenderFixtures.helper();
        Method original = Class.forName("fixture.Caller", true, new DefiningLoader(Map.of("fixture.Caller", caller)))
                .getMethod("run", int.class);
        assertEquals(4, original.invoke(null, 3));
        assertEquals(7, original.invoke(null, -7));

        List<StaticCall> calls = staticCalls(caller);
        assertEquals(1, calls.size());
        assertEquals(MATH_MAX, calls.get(0).callee());
        assertTrue(Layout.of(caller).method("run", "(I)I").attributes().get(0).name().equals("Code"));
        int operand = Layout.of(caller).method("run", "(I)I").codeStart() + calls.get(0).instruction() + 1;
        ClassFileAppender appender = new ClassFileAppender(caller);
        appender.setU2(operand, appender.method(HELPER_PICK, false));
        byte[] edited = appender.toByteArray(appender.utf8(ATTRIBUTE), info(33));
        assertNotEquals(0, appender.poolGrowth());

        DefiningLoader loader = new DefiningLoader(Map.of("fixture.Caller", edited, "fixture.Helper", helper));
        Class<?> linked = Class.forName("fixture.Caller", true, loader);
        assertSame(loader, linked.getClassLoader());
        Method run = linked.getMethod("run", int.class);
        assertEquals(3004, run.invoke(null, 3));
        assertEquals(7004, run.invoke(null, -7));
    }

    @Test
    void editedRichClassLoadsAndRuns() throws Exception {
        byte[] rich = ClassFileAppenderFixtures.rich();
        ClassFileAppender appender = new ClassFileAppender(rich);
        appender.setU2(Layout.of(rich).method("max", "(II)I").codeStart() + 3, appender.method(HELPER_PICK, false));
        appender.utf8("unused \u0000 constant");
        byte[] edited = appender.toByteArray(appender.utf8(ATTRIBUTE), info(1000));

        DefiningLoader loader = new DefiningLoader(Map.of("fixture.Rich", edited, "fixture.Helper",
                ClassFileAppenderFixtures.helper()));
        Class<?> cls = Class.forName("fixture.Rich", true, loader);
        assertEquals(2003, cls.getMethod("max", int.class, int.class).invoke(null, 2, 3));
        Method clamp = cls.getDeclaredMethod("clamp", int.class);
        clamp.setAccessible(true);
        assertEquals(0, clamp.invoke(null, -5));
        assertEquals(100, clamp.invoke(null, 500));
        assertEquals(ODD_STRING, cls.getMethod("text").invoke(null));
        assertEquals(PLAIN_STRING, cls.getMethod("plain").invoke(null));
        assertEquals(1234567890123L, cls.getField("BIG").getLong(null));
        Object a = cls.getConstructor().newInstance();
        Object b = cls.getConstructor().newInstance();
        cls.getMethod("run").invoke(a);
        assertEquals(0, cls.getMethod("compareTo", Object.class).invoke(a, b));
        assertEquals(List.of(), cls.getMethod("names").invoke(a));
        assertEquals("1.0", cls.getAnnotation(Deprecated.class).since());
        assertEquals("java.util.List<java.lang.String>", cls.getMethod("names").getGenericReturnType().getTypeName());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void refusesBytesThatAreNotAClassFile() {
        assertEquals("not a class file (magic 0xCAFEBABF)", assertThrows(MalformedClassException.class,
                () -> new ClassFileAppender(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbf, 0, 0, 0,
                    61, 0, 1})).getMessage());
        assertEquals("not a class file (magic 0x504B0304)", assertThrows(MalformedClassException.class,
                () -> new ClassFileAppender(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0})).getMessage());
        assertEquals("not a class file (magic 0x00000000)", assertThrows(MalformedClassException.class,
                () -> new ClassFileAppender(new byte[16])).getMessage());
        assertEquals("truncated class file (5 bytes)", assertThrows(MalformedClassException.class,
                () -> new ClassFileAppender(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0}))
                .getMessage());
    }

    @Test
    void refusesAClassCutInsideItsPool() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        ClassReader reader = new ClassReader(rich);
        int index = indexOfUtf8(reader, "Rich.java");
        int cut = reader.getItem(index) + 2 + 4;
        assertEquals("constant pool truncated at entry " + index + " of " + (reader.getItemCount() - 1),
                assertThrows(MalformedClassException.class,
                        () -> new ClassFileAppender(Arrays.copyOf(rich, cut))).getMessage());
    }

    private static void assertCannotWrite(byte[] bytes, String message) {
        ClassFileAppender appender = new ClassFileAppender(bytes);
        assertEquals(RICH, appender.className());
        int attributeName = appender.utf8(ATTRIBUTE);
        assertEquals(message, assertThrows(MalformedClassException.class,
                () -> appender.toByteArray(attributeName, info(4))).getMessage());
        assertEquals(message, assertThrows(MalformedClassException.class,
                () -> appender.toByteArray(0, null)).getMessage());
    }

    /** The pool is whole, so the appender starts; writing walks the members and finds the file too short. */
    @Test
    void refusesToWriteAClassCutAmongItsMethods() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        Layout layout = Layout.of(rich);
        Member max = layout.method("max", "(II)I");
        Attr code = max.attribute("Code");

        // In a method's access_flags, name_index, descriptor_index.
        int inHeader = max.offset() + 3;
        assertCannotWrite(Arrays.copyOf(rich, inHeader), "truncated class file (" + inHeader + " bytes)");
        // Just before a method's attributes_count.
        int beforeCount = max.offset() + 6;
        assertCannotWrite(Arrays.copyOf(rich, beforeCount), "truncated class file (" + beforeCount + " bytes)");
        // In the middle of a method's code.
        assertCannotWrite(Arrays.copyOf(rich, code.offset() + 6 + 9), "attribute runs past the end of the class file");
        // One byte short of a method's end.
        assertCannotWrite(Arrays.copyOf(rich, max.end() - 1), "attribute runs past the end of the class file");
        // Between two methods.
        assertCannotWrite(Arrays.copyOf(rich, max.end()), "truncated class file (" + max.end() + " bytes)");
        // After the last method, without the class's attributes.
        Member last = layout.methods().get(layout.methods().size() - 1);
        assertCannotWrite(Arrays.copyOf(rich, last.end()), "class file does not end where its attributes do");
        // In the class's last attribute.
        assertCannotWrite(Arrays.copyOf(rich, rich.length - 1), "attribute runs past the end of the class file");
        // Among the fields.
        Member ratio = layout.fields().get(1);
        assertCannotWrite(Arrays.copyOf(rich, ratio.offset() + 1), "truncated class file (" + (ratio.offset() + 1)
                + " bytes)");
        // Bytes after the class's attributes.
        byte[] longer = Arrays.copyOf(rich, rich.length + 3);
        assertCannotWrite(longer, "class file does not end where its attributes do");
    }

    /**
     * A cut where an attribute's six-byte header should be (here: where the second attribute of {@code names()}
     * starts, or inside its header) is a truncated class file like any other.
     */
    @Test
    void refusesToWriteAClassCutAtAnAttributeHeader() {
        byte[] rich = ClassFileAppenderFixtures.rich();
        Layout layout = Layout.of(rich);
        Attr exceptions = layout.method("names", "()Ljava/util/List;").attribute("Exceptions");
        for (int cut : new int[] {exceptions.offset(), exceptions.offset() + 2, exceptions.offset() + 5}) {
            ClassFileAppender appender = new ClassFileAppender(Arrays.copyOf(rich, cut));
            RuntimeException e = assertThrows(RuntimeException.class, () -> appender.toByteArray(0, null));
            assertEquals(MalformedClassException.class, e.getClass(), "cut at " + cut + ": " + e);
            assertTrue(List.of("truncated class file (" + cut + " bytes)", "attribute runs past the end of the class"
                    + " file").contains(e.getMessage()), "cut at " + cut + ": " + e.getMessage());
        }
    }

    @Test
    void refusesToGrowAFullPool() {
        byte[] full = ClassFileAppenderFixtures.bigPool(65530);
        ClassReader reader = new ClassReader(full);
        assertEquals(65535, reader.getItemCount());
        ClassFileAppender appender = new ClassFileAppender(full);
        // What is there is still found.
        assertEquals(indexOfUtf8(reader, "s0"), appender.utf8("s0"));
        assertEquals(65534, appender.utf8("s65529"));
        assertEquals(indexOfUtf8(reader, "fixture/Full"), appender.utf8("fixture/Full"));
        assertEquals(FULL, assertThrows(IllegalStateException.class, () -> appender.utf8("s65530")).getMessage());
        assertEquals(FULL, assertThrows(IllegalStateException.class,
                () -> appender.method(new MethodRef("fixture/Full", "s0", "s1"), false)).getMessage());
        assertEquals(0, appender.poolGrowth());
        assertArrayEquals(full, appender.toByteArray(0, null));
    }

    @Test
    void fillsThePoolToItsLastIndexAndNoFurther() {
        byte[] bytes = ClassFileAppenderFixtures.bigPool(65526);
        ClassReader reader = new ClassReader(bytes);
        assertEquals(65531, reader.getItemCount());
        ClassFileAppender appender = new ClassFileAppender(bytes);
        assertEquals(65531, appender.utf8("a"));
        assertEquals(65532, appender.utf8("b"));
        assertEquals(65533, appender.utf8("c"));
        assertEquals(65534, appender.utf8("d"));
        assertEquals(FULL, assertThrows(IllegalStateException.class, () -> appender.utf8("e")).getMessage());
        assertEquals(FULL, assertThrows(IllegalStateException.class,
                () -> appender.method(new MethodRef("a", "b", "c"), false)).getMessage());
        // Still found: the added ones and the original ones.
        assertEquals(65534, appender.utf8("d"));
        assertEquals(65531, appender.utf8("a"));
        assertEquals(indexOfUtf8(reader, "s65525"), appender.utf8("s65525"));
        assertEquals(4 * 4, appender.poolGrowth());

        byte[] out = appender.toByteArray(appender.utf8("a"), info(2));
        ClassReader edited = new ClassReader(out);
        assertEquals(65535, edited.getItemCount());
        assertEquals(65535, u2(out, 8));
        assertEquals(List.of("a", "b", "c", "d"), List.of(utf8(edited, 65531), utf8(edited, 65532),
                utf8(edited, 65533), utf8(edited, 65534)));
        assertEquals(new Attr("a", bytes.length + 16, 2), Layout.of(out).classAttributes().get(0));
    }

    /** A method reference needing more entries than are left fails, and leaves a class ASM still reads. */
    @Test
    void aMethodReferenceThatDoesNotFitLeavesAReadableClass() {
        byte[] bytes = ClassFileAppenderFixtures.bigPool(65528);
        assertEquals(65533, new ClassReader(bytes).getItemCount());
        ClassFileAppender appender = new ClassFileAppender(bytes);
        assertEquals(FULL, assertThrows(IllegalStateException.class,
                () -> appender.method(new MethodRef("p/Owner", "name", "()V"), false)).getMessage());
        byte[] out = appender.toByteArray(0, null);
        ClassReader edited = new ClassReader(out);
        assertTrue(edited.getItemCount() <= 65535, "pool count " + edited.getItemCount());
        assertEquals(listing(bytes), listing(out));
    }

    /** A Utf8 constant holds at most 65,535 bytes; a longer string cannot be added. */
    @Test
    void refusesAUtf8ConstantLongerThan65535Bytes() {
        byte[] caller = ClassFileAppenderFixtures.caller();
        ClassFileAppender appender = new ClassFileAppender(caller);
        String tooLong = "x".repeat(65536);
        assertThrows(IllegalArgumentException.class, () -> appender.utf8(tooLong));
        assertEquals(0, appender.poolGrowth());
        assertArrayEquals(caller, appender.toByteArray(0, null));
    }

    /** A class that already has 65,535 attributes cannot get one more: the u2 count would wrap to 0. */
    @Test
    void refusesASixtyFiveThousandFiveHundredThirtySixthAttribute() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fixture/Many", null, "java/lang/Object",
                null);
        int extra = cw.newUTF8("Extra");
        cw.visitEnd();
        byte[] bare = cw.toByteArray();
        assertEquals(0, u2(bare, bare.length - 2));
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        many.write(bare, 0, bare.length - 2);
        many.write(0xff);
        many.write(0xff);
        for (int i = 0; i < 65535; i++) {
            many.write(extra >>> 8);
            many.write(extra);
            many.write(new byte[4], 0, 4);
        }
        byte[] bytes = many.toByteArray();
        assertEquals(65535, Layout.of(bytes).classAttributes().size());

        ClassFileAppender appender = new ClassFileAppender(bytes);
        int attributeName = appender.utf8(ATTRIBUTE);
        assertThrows(RuntimeException.class, () -> appender.toByteArray(attributeName, info(3)));
    }
}
