package dev.patchsite.linker.link;

import dev.patchsite.runtime.PatchData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassWriter;

/**
 * The {@code PatchSites} class attribute: the boot agent's patch data ({@link PatchData} documents the layout).
 * Built before the class is written, when every constant it names is known; the offsets of the instructions are
 * known only once the class is written, so they are left zero here and filled in the written bytes by
 * {@link #fill}. ASM writes non-standard attributes last, so the payload ends the class file, as the agent expects.
 */
final class PatchSitesAttribute extends Attribute {

    private final ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
    private int sitesAt = -1;

    PatchSitesAttribute() {
        super(PatchData.ATTRIBUTE);
    }

    /** Starts the payload: the version and the groups, each with its variants' names. */
    void groups(List<String> groups, List<List<String>> variantNames) {
        put(1, PatchData.VERSION);
        put(2, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            utf(groups.get(g).replace('/', '.'));
            put(2, variantNames.get(g).size());
            for (String name : variantNames.get(g)) {
                utf(name);
            }
        }
    }

    /** Writes the site count. */
    void siteCount(int count) {
        put(2, count);
    }

    /**
     * Writes one site, with a zero instruction offset and constant to fill later. A target given as 0 patches the
     * call out with {@code patchOut}.
     *
     * @return the position of the site's offset in the payload
     */
    int site(int group, int fallback, int[] variantNumbers, int[] constants, int patchOut) {
        int position = payloadBytes.size();
        put(4, 0);
        put(2, 0);
        put(2, group);
        put(2, fallback);
        put(2, variantNumbers.length);
        for (int i = 0; i < variantNumbers.length; i++) {
            put(2, variantNumbers[i]);
            put(2, constants[i]);
        }
        put(PatchData.CALL_LENGTH, Math.max(patchOut, 0));
        return position;
    }

    private void utf(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        put(2, bytes.length);
        payloadBytes.write(bytes, 0, bytes.length);
    }

    /** Appends a big-endian unsigned value of 1, 2 or 4 bytes. */
    private void put(int size, int value) {
        for (int shift = 8 * (size - 1); shift >= 0; shift -= 8) {
            payloadBytes.write(value >>> shift);
        }
    }

    /**
     * Builds the patch data of a class's patched sites, the constants it names made by the given function.
     *
     * @param program the program, for each group's variants
     * @param patched the plans of the sites the agent patches, in the class's order
     * @param constant returns the pool index of a method's constant, added to the class if need be
     * @param positions receives, per site, the position to {@link #fill}
     * @return the attribute
     */
    static PatchSitesAttribute of(Program program, List<SitePlan> patched, ToIntFunction<MethodRef> constant,
            List<Integer> positions) {
        List<String> groups = new ArrayList<>();
        List<List<String>> variantNames = new ArrayList<>();
        for (SitePlan plan : patched) {
            String group = plan.function().group();
            if (!groups.contains(group)) {
                groups.add(group);
                variantNames.add(program.variants(group).stream().map(Variant::name).toList());
            }
        }
        PatchSitesAttribute data = new PatchSitesAttribute();
        data.groups(groups, variantNames);
        data.siteCount(patched.size());
        for (SitePlan plan : patched) {
            SitePlan.Patch patch = plan.patch();
            // An empty body the call's arguments can be popped for is given as 0: the agent patches the call out.
            ToIntFunction<MethodRef> target = method -> patch.patchOut() >= 0 && program.emptyBody(method) ? 0
                    : constant.applyAsInt(method);
            List<MethodRef> options = patch.options();
            List<Integer> numbers = new ArrayList<>();
            List<Integer> constants = new ArrayList<>();
            for (int v = 0; v < options.size(); v++) {
                if (options.get(v) != null) {
                    numbers.add(v);
                    constants.add(target.applyAsInt(options.get(v)));
                }
            }
            positions.add(data.site(groups.indexOf(plan.function().group()), target.applyAsInt(patch.fallback()),
                    numbers.stream().mapToInt(Integer::intValue).toArray(),
                    constants.stream().mapToInt(Integer::intValue).toArray(), patch.patchOut()));
        }
        return data;
    }

    /** Returns the attribute's contents: the payload, its length and the magic number that end the class file. */
    byte[] info() {
        byte[] bytes = payloadBytes.toByteArray();
        byte[] info = java.util.Arrays.copyOf(bytes, bytes.length + 8);
        for (int i = 0; i < 4; i++) {
            info[bytes.length + i] = (byte) (bytes.length >>> 24 - 8 * i);
            info[bytes.length + 4 + i] = (byte) (PatchData.MAGIC >>> 24 - 8 * i);
        }
        return info;
    }

    @Override
    protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack, int maxLocals) {
        byte[] info = info();
        return new ByteVector(info.length).putByteArray(info, 0, info.length);
    }

    /**
     * Fills one site's instruction offset and constant in a written class.
     *
     * @param classFile the written class
     * @param position the position {@link #site} returned
     * @param instruction the offset of the instruction in the class file
     * @param constant the constant pool index the instruction holds
     */
    void fill(byte[] classFile, int position, int instruction, int constant) {
        int at = classFile.length - 8 - payloadBytes.size() + position;
        classFile[at] = (byte) (instruction >>> 24);
        classFile[at + 1] = (byte) (instruction >>> 16);
        classFile[at + 2] = (byte) (instruction >>> 8);
        classFile[at + 3] = (byte) instruction;
        classFile[at + 4] = (byte) (constant >>> 8);
        classFile[at + 5] = (byte) constant;
    }
}
