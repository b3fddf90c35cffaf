package dev.patchsite.runtime;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The agent's transformer: as a class linked in {@code boot} mode loads, rewrites the operand of each of its
 * {@code invokestatic} sites to the Methodref of the selected implementation, which the linker already put in the
 * class's constant pool. It writes a site only if the bytes there are still the expected instruction, so a class
 * another agent changed keeps its sites on their trampolines. Every other class costs one look at its last bytes.
 */
final class SitePatcher implements ClassFileTransformer {

    /** The selection of a group whose variant is the default. */
    private static final int DEFAULT = -1;
    /** The selection of a group whose variant the class's patch data does not name. */
    private static final int UNKNOWN = -2;

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (classBeingRedefined != null || classfileBuffer == null) {
            return null;
        }
        PatchData data = PatchData.find(classfileBuffer);
        if (data == null) {
            return null;
        }
        try {
            return patch(loader, className, classfileBuffer, data);
        } catch (Throwable e) {
            // Never fail a class load: every site still reaches the selection through its trampoline.
            System.err.println("patchsite: left the sites of " + className + " on their trampolines: " + e);
            return null;
        }
    }

    private static byte[] patch(ClassLoader loader, String className, byte[] original, PatchData data) {
        if (data.u1() != PatchData.VERSION) {
            throw new IllegalStateException("patch data of another version; relink with this patchsite");
        }
        int groupCount = data.u2();
        Group[] groups = new Group[groupCount];
        int[] selected = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            String name = data.utf();
            groups[g] = Groups.forCaller(name, loader, className);
            String variant = groups[g].bind().variant();
            // A variant this class's link did not know of (another artifact's): its sites stay on the trampoline.
            selected[g] = variant.equals(Selection.DEFAULT) ? DEFAULT : UNKNOWN;
            int variants = data.u2();
            for (int v = 0; v < variants; v++) {
                if (data.utf().equals(variant)) {
                    selected[g] = v;
                }
            }
        }
        byte[] patched = original.clone();
        // Counted once the whole class is patched: patch data that fails halfway leaves the class as it was.
        int[] patchedPerGroup = new int[groupCount];
        int sites = data.u2();
        for (int s = 0; s < sites; s++) {
            int offset = data.u4();
            int expected = data.u2();
            int group = data.u2();
            int target = data.u2();
            int options = data.u2();
            for (int o = 0; o < options; o++) {
                int variant = data.u2();
                int index = data.u2();
                if (variant == selected[group]) {
                    target = index;
                }
            }
            if (selected[group] == UNKNOWN) {
                continue;
            }
            if ((patched[offset] & 0xff) != PatchData.INVOKESTATIC
                    || ((patched[offset + 1] & 0xff) << 8 | patched[offset + 2] & 0xff) != expected) {
                System.err.println("patchsite: " + className + ": the instruction at offset " + offset
                        + " is not the expected call; left on its trampoline");
                continue;
            }
            patched[offset + 1] = (byte) (target >> 8);
            patched[offset + 2] = (byte) target;
            patchedPerGroup[group]++;
        }
        for (int g = 0; g < groupCount; g++) {
            groups[g].patched.addAndGet(patchedPerGroup[g]);
        }
        return patched;
    }
}
