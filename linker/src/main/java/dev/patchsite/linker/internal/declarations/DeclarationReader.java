package dev.patchsite.linker.internal.declarations;

import dev.patchsite.linker.Messages;
import dev.patchsite.linker.internal.classfile.MalformedClassException;
import dev.patchsite.linker.internal.declarations.ClassInfo.FunctionAnnotation;
import dev.patchsite.linker.internal.declarations.ClassInfo.MethodInfo;
import dev.patchsite.linker.internal.declarations.ClassInfo.VariantAnnotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a class's header, methods and patchsite annotations into a {@link ClassInfo}. Code is skipped: declarations
 * are in the class and method headers.
 *
 * <p>ASM calls {@code visit}, then {@code visitAnnotation} for the class's annotations, then {@code visitMethod} and
 * the method's {@code visitAnnotation}s, then {@code visitEnd}.
 */
public final class DeclarationReader extends ClassVisitor {

    // Named from the runtime's own types, so that the linker cannot spell them differently.

    /** The descriptor of {@code dev.patchsite.RuntimeStatic}. */
    public static final String RUNTIME_STATIC = Type.getDescriptor(dev.patchsite.RuntimeStatic.class);
    /** The descriptor of {@code dev.patchsite.Variant}. */
    public static final String VARIANT = Type.getDescriptor(dev.patchsite.Variant.class);

    /** The internal name of the default probe, which means "chosen only explicitly". */
    static final String NEVER = Type.getInternalName(dev.patchsite.Variant.Never.class);

    /** The internal name of {@code Variant.Always}, the probe that always holds. */
    static final String ALWAYS = Type.getInternalName(dev.patchsite.Variant.Always.class);

    private final String location;
    private final List<MethodInfo> methods = new ArrayList<>();
    private String name;
    private int access;
    private String superName;
    private int version;
    private List<String> interfaces = List.of();
    private VariantValues variant;

    private DeclarationReader(String location) {
        super(Opcodes.ASM9);
        this.location = location;
    }

    /**
     * Reads a class.
     *
     * @param bytes the class file
     * @param length how many bytes of the array hold it
     * @param location where it was read from, for messages
     * @return what was read
     * @throws MalformedClassException if ASM cannot read the class
     */
    public static ClassInfo read(byte[] bytes, int length, String location) {
        DeclarationReader reader = new DeclarationReader(location);
        try {
            new ClassReader(bytes, 0, length).accept(reader,
                    ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw new MalformedClassException("cannot read class: " + Messages.rootCause(e));
        }
        return reader.result();
    }

    private ClassInfo result() {
        VariantAnnotation annotation = null;
        if (variant != null) {
            annotation = new VariantAnnotation(variant.of, variant.name, NEVER.equals(variant.when) ? null : variant.when,
                    variant.priority);
        }
        return new ClassInfo(name, access, superName, interfaces, methods, annotation, location, version);
    }

    @Override
    public void visit(int classVersion, int classAccess, String className, String signature, String superClass,
            String[] classInterfaces) {
        this.name = className;
        this.version = classVersion & 0xffff;
        this.access = classAccess;
        this.superName = superClass;
        this.interfaces = classInterfaces == null ? List.of() : Arrays.asList(classInterfaces);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        if (!VARIANT.equals(descriptor)) {
            return null;
        }
        variant = new VariantValues();
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String key, Object value) {
                switch (key) {
                    case "of" -> variant.of = ((Type) value).getInternalName();
                    case "name" -> variant.name = (String) value;
                    case "when" -> variant.when = ((Type) value).getInternalName();
                    case "priority" -> variant.priority = (Integer) value;
                    default -> {
                    }
                }
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int methodAccess, String methodName, String descriptor, String signature,
            String[] exceptions) {
        int index = methods.size();
        methods.add(new MethodInfo(methodName, descriptor, methodAccess, null));
        return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                if (!RUNTIME_STATIC.equals(annotation)) {
                    return null;
                }
                FunctionValues values = new FunctionValues();
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String key, Object value) {
                        switch (key) {
                            case "id" -> values.id = (String) value;
                            case "updatable" -> values.updatable = (Boolean) value;
                            default -> {
                            }
                        }
                    }

                    @Override
                    public void visitEnd() {
                        methods.set(index, new MethodInfo(methodName, descriptor, methodAccess,
                                new FunctionAnnotation(values.id, values.updatable)));
                    }
                };
            }
        };
    }

    /** Annotation values as they arrive; absent ones keep the annotation's defaults. */
    private static final class VariantValues {
        String of;
        String name = "";
        String when;
        int priority;
    }

    /** Annotation values as they arrive; absent ones keep the annotation's defaults. */
    private static final class FunctionValues {
        String id = "";
        boolean updatable;
    }
}
