package dev.patchsite.linker.internal.declarations;

import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * What validation needs of a class: its header, its methods and its patchsite annotations.
 *
 * @param name the internal name
 * @param access the access flags
 * @param superName the internal name of the superclass, or null for {@code java/lang/Object} and modules
 * @param interfaces the internal names of the direct interfaces
 * @param methods the declared methods
 * @param variant the class's {@code @Variant}, or null
 * @param location where the class was read from, for messages
 * @param version the class file's major version, e.g. 52 for Java 8
 */
public record ClassInfo(String name, int access, String superName, List<String> interfaces, List<MethodInfo> methods,
        VariantAnnotation variant, String location, int version) {

    /** Copies the lists. */
    public ClassInfo {
        interfaces = List.copyOf(interfaces);
        methods = List.copyOf(methods);
    }

    /** Returns the class's binary name, e.g. {@code com.example.App}, for messages. */
    public String binaryName() {
        return name.replace('/', '.');
    }

    /** @return the package part of the internal name, e.g. {@code com/example} */
    public String packageName() {
        return packageOf(name);
    }

    /** Returns the methods with the given name. */
    List<MethodInfo> methodsNamed(String methodName) {
        return methods.stream().filter(m -> m.name().equals(methodName)).toList();
    }

    /** Returns the method with the given name and descriptor, or null. */
    public MethodInfo method(String methodName, String descriptor) {
        for (MethodInfo method : methods) {
            if (method.name().equals(methodName) && method.descriptor().equals(descriptor)) {
                return method;
            }
        }
        return null;
    }

    /** @return whether the class is an interface */
    public boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    /** Returns whether the class is public. */
    public boolean isPublic() {
        return (access & Opcodes.ACC_PUBLIC) != 0;
    }

    /** Returns the package part of an internal name. */
    public static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /**
     * A declared method.
     *
     * @param name the method name
     * @param descriptor the method descriptor
     * @param access the access flags
     * @param function the method's {@code @RuntimeStatic}, or null
     */
    public record MethodInfo(String name, String descriptor, int access, FunctionAnnotation function) {

        /** Returns whether the method is static. */
        public boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }
    }

    /**
     * The values of a {@code @RuntimeStatic}.
     *
     * @param id the id, or the empty string for the default
     * @param updatable whether the function is updatable
     */
    public record FunctionAnnotation(String id, boolean updatable) {
    }

    /**
     * The values of a {@code @Variant}.
     *
     * @param of the internal name of the group
     * @param name the variant's name
     * @param when the internal name of the probe class, or null for the default (chosen only explicitly)
     * @param priority the priority
     */
    public record VariantAnnotation(String of, String name, String when, int priority) {
    }
}
