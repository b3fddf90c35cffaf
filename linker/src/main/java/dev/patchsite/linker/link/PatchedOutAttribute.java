package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.classfile.PatchedOutCalls;
import dev.patchsite.linker.table.MethodRef;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;

/**
 * The {@code PatchedOut} class attribute ({@link PatchedOutCalls} documents it) of a class that ASM writes: each call
 * is recorded, with its constants, as {@link SiteRewriter} patches it out, at a label whose offset is known once the
 * method's code is written; the attribute is written after every method, when ASM writes the class.
 */
final class PatchedOutAttribute extends Attribute {

    private final ClassWriter writer;
    private final List<Call> calls = new ArrayList<>();

    /** One call: the constants of its method's name and descriptor, where it was, and what it called. */
    private record Call(int name, int descriptor, Label at, int methodref) {
    }

    /** Receives the calls patched out in one method. */
    interface Recorder {

        /**
         * Records a call patched out.
         *
         * @param at the label visited just before the instruction that replaces the call
         * @param owner the internal name of the class the call named
         * @param name the method's name
         * @param descriptor the method's descriptor
         * @param isInterface whether the owner is an interface
         */
        void patchedOut(Label at, String owner, String name, String descriptor, boolean isInterface);
    }

    PatchedOutAttribute(ClassWriter writer) {
        super(PatchedOutCalls.ATTRIBUTE);
        this.writer = writer;
    }

    /**
     * Returns the recorder of the calls patched out in a method.
     *
     * @param code the method that holds the code once linked (a function's moved body, not the trampoline)
     * @return the recorder
     */
    Recorder in(MethodRef code) {
        return (at, owner, name, descriptor, isInterface) -> calls.add(new Call(writer.newUTF8(code.name()),
                writer.newUTF8(code.descriptor()), at, writer.newMethod(owner, name, descriptor, isInterface)));
    }

    @Override
    protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack, int maxLocals) {
        List<PatchedOutCalls.Call> written = new ArrayList<>(calls.size());
        for (Call call : calls) {
            written.add(new PatchedOutCalls.Call(call.name(), call.descriptor(), call.at().getOffset(),
                    call.methodref()));
        }
        byte[] info = PatchedOutCalls.info(written);
        return new ByteVector(info.length).putByteArray(info, 0, info.length);
    }
}
