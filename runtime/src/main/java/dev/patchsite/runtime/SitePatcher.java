package dev.patchsite.runtime;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Arrays;

/**
 * The agent's transformer: as a class linked in {@code boot} mode loads, rewrites the operand of each of its
 * {@code invokestatic} sites to the Methodref of the selected implementation, which the linker already put in the
 * class's constant pool, or, where that implementation is an empty {@code void} body, replaces the call by the pops
 * of its arguments (patches it out). It writes a site only if the bytes there are still the expected instruction, so
 * a class another agent changed keeps its sites on their trampolines. Every other class costs one look at its last
 * bytes.
 *
 * <p>The agent installs two: one for the sites of groups whose selection is sealed, and, where the JVM can
 * retransform classes, a retransforming one for the sites of updatable groups. That one patches each site to the
 * group's current target, records the class for {@link Retransformer}, and patches the class again whenever it is
 * retransformed: the JVM then gives it the class's bytes as they were before it (the other transformer's work
 * included), so that every update starts from the original calls. Without it, updatable sites stay on their
 * trampolines, whose call sites follow every update.
 */
final class SitePatcher implements ClassFileTransformer {

    /** The selection of a group whose variant is the default. */
    private static final int DEFAULT = -1;
    /** The selection of a group whose variant the class's patch data does not name. */
    private static final int UNKNOWN = -2;
    /** The selection of a group whose sites the other transformer patches. */
    private static final int OTHERS = -3;

    private static final int NOP = 0x00;
    private static final int POP = 0x57;
    private static final int POP2 = 0x58;

    private final boolean updatable;

    /**
     * Creates a transformer.
     *
     * @param updatable true for the retransforming transformer of updatable groups' sites, false for the one of
     *     sealed groups' sites
     */
    SitePatcher(boolean updatable) {
        this.updatable = updatable;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (classBeingRedefined != null && !updatable || classfileBuffer == null) {
            return null;
        }
        PatchData data = PatchData.find(classfileBuffer);
        if (data == null) {
            return null;
        }
        try {
            return patch(loader, className, classBeingRedefined, classfileBuffer, data);
        } catch (Throwable e) {
            // Never fail a class load: every site still reaches the selection through its trampoline.
            System.err.println("patchsite: left the sites of " + className + " on their trampolines: " + e);
            return null;
        }
    }

    private byte[] patch(ClassLoader loader, String className, Class<?> redefined, byte[] original, PatchData data) {
        int version = data.u1();
        if (version != PatchData.VERSION && version != PatchData.VERSION_1) {
            throw new IllegalStateException("patch data of another version; relink with this patchsite");
        }
        int groupCount = data.u2();
        Group[] groups = new Group[groupCount];
        int[] selected = new int[groupCount];
        boolean mine = false;
        for (int g = 0; g < groupCount; g++) {
            String name = data.utf();
            groups[g] = Groups.forCaller(name, loader, className);
            String variant = null;
            if (groups[g].info.updatable() == updatable) {
                variant = updatable ? groups[g].patchTarget(loader, className, redefined) : groups[g].bind().variant();
                mine = true;
            }
            // A variant this class's link did not know of (another artifact's): its sites stay on the trampoline.
            selected[g] = variant == null ? OTHERS : variant.equals(Selection.DEFAULT) ? DEFAULT : UNKNOWN;
            int variants = data.u2();
            for (int v = 0; v < variants; v++) {
                if (data.utf().equals(variant)) {
                    selected[g] = v;
                }
            }
        }
        if (!mine) {
            return null;
        }
        byte[] patched = original.clone();
        // Counted once the whole class is patched: patch data that fails halfway leaves the class as it was.
        int[] patchedPerGroup = new int[groupCount];
        int sites = data.u2();
        // Only for a verbose update: where each group's sites are, to find the methods that hold them.
        int[][] offsets = redefined != null && RunningActivations.VERBOSE ? new int[groupCount][sites] : null;
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
            int out = version == PatchData.VERSION ? data.u1() << 16 | data.u1() << 8 | data.u1() : -1;
            if (selected[group] == UNKNOWN || selected[group] == OTHERS) {
                continue;
            }
            if ((patched[offset] & 0xff) != PatchData.INVOKESTATIC
                    || ((patched[offset + 1] & 0xff) << 8 | patched[offset + 2] & 0xff) != expected) {
                System.err.println("patchsite: " + className + ": the instruction at offset " + offset
                        + " is not the expected call; left on its trampoline");
                continue;
            }
            if (target == 0 && out >= 0) {
                checkPops(out);
                patched[offset] = (byte) (out >> 16);
                patched[offset + 1] = (byte) (out >> 8);
                patched[offset + 2] = (byte) out;
            } else if (target != 0) {
                patched[offset + 1] = (byte) (target >> 8);
                patched[offset + 2] = (byte) target;
            } else {
                throw new IllegalStateException("patch data of version 1 patches a call out");
            }
            if (offsets != null) {
                offsets[group][patchedPerGroup[group]] = offset;
            }
            patchedPerGroup[group]++;
        }
        if (redefined == null) {
            for (int g = 0; g < groupCount; g++) {
                groups[g].patched.addAndGet(patchedPerGroup[g]);
            }
        } else if (offsets != null) {
            recordMethods(className, original, groups, offsets, patchedPerGroup);
        }
        return patched;
    }

    /** Tells each group which methods of a class patched again hold its sites, for a verbose update's report. */
    private static void recordMethods(String className, byte[] original, Group[] groups, int[][] offsets,
            int[] counts) {
        for (int g = 0; g < groups.length; g++) {
            if (counts[g] > 0) {
                try {
                    groups[g].repatched(className, MethodsAt.of(original, Arrays.copyOf(offsets[g], counts[g])));
                } catch (RuntimeException e) {
                    // Only a diagnostic: a class the walk cannot read is left out of it, and stays patched.
                }
            }
        }
    }

    /** Checks that a patch-out instruction is made of pops and nops only: a class is data, and may lie. */
    private static void checkPops(int out) {
        for (int shift = 16; shift >= 0; shift -= 8) {
            int opcode = out >> shift & 0xff;
            if (opcode != NOP && opcode != POP && opcode != POP2) {
                throw new IllegalStateException("patch data patches a call out with opcode " + opcode);
            }
        }
    }
}
