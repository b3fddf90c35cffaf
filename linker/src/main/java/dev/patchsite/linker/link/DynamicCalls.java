package dev.patchsite.linker.link;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The {@code invokedynamic} instructions of a class that the runtime's bootstraps bind, as (bootstrap, function)
 * pairs: which of {@code site} (the selection) or {@code defaultBody} (the default) each function's calls go to.
 */
final class DynamicCalls {

    private final Set<String> calls = new HashSet<>();

    private DynamicCalls(byte[] classFile) {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String callName, String callDescriptor, Handle bootstrap,
                            Object... arguments) {
                        if (bootstrap.getOwner().equals(Names.BOOTSTRAP) && arguments.length == 1
                                && arguments[0] instanceof Handle function) {
                            calls.add(key(bootstrap.getName(), function.getOwner(), function.getName(),
                                    function.getDesc()));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** Reads the dynamic calls of a class file. */
    static DynamicCalls of(byte[] classFile) {
        return new DynamicCalls(classFile);
    }

    /** Returns whether some call of the function in the class is bound by the named bootstrap. */
    boolean has(String bootstrap, String owner, String name, String descriptor) {
        return calls.contains(key(bootstrap, owner, name, descriptor));
    }

    private static String key(String bootstrap, String owner, String name, String descriptor) {
        return bootstrap + ' ' + owner + '.' + name + descriptor;
    }
}
