package dev.patchsite.linker.link;

import dev.patchsite.linker.scan.LinkedForms;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;

/** The runtime's names that linked bytecode refers to. */
final class Names {

    static final String BOOTSTRAP = LinkedForms.BOOTSTRAP;
    private static final String CALL_SITE_DESCRIPTOR_PREFIX =
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;";

    /** The bootstrap method of a trampoline's {@code invokedynamic}. */
    static final Handle TRAMPOLINE = new Handle(Opcodes.H_INVOKESTATIC, BOOTSTRAP, "trampoline",
            CALL_SITE_DESCRIPTOR_PREFIX + ")Ljava/lang/invoke/CallSite;", false);

    /** The bootstrap method of a site linked in {@code indy} mode; its one argument is the function's handle. */
    static final Handle SITE = new Handle(Opcodes.H_INVOKESTATIC, BOOTSTRAP, "site",
            CALL_SITE_DESCRIPTOR_PREFIX + "Ljava/lang/invoke/MethodHandle;)Ljava/lang/invoke/CallSite;", false);

    /**
     * The bootstrap method of a super-call whose group this link does not rewrite: the runtime binds it to the
     * default as the group class is loaded. Its one argument is the function's handle.
     */
    static final Handle DEFAULT_BODY = new Handle(Opcodes.H_INVOKESTATIC, BOOTSTRAP, "defaultBody",
            CALL_SITE_DESCRIPTOR_PREFIX + "Ljava/lang/invoke/MethodHandle;)Ljava/lang/invoke/CallSite;", false);

    private Names() {
    }
}
