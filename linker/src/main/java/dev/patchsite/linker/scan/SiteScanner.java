package dev.patchsite.linker.scan;

import dev.patchsite.linker.OneLine;
import dev.patchsite.linker.internal.classfile.ClassBuffer;
import dev.patchsite.linker.internal.classfile.ClassLayout;
import dev.patchsite.linker.internal.classfile.ConstantPool;
import dev.patchsite.linker.internal.classfile.LineNumbers;
import dev.patchsite.linker.internal.classfile.MalformedClassException;
import dev.patchsite.linker.internal.classfile.Opcodes;
import dev.patchsite.linker.internal.classfile.PatchOut;
import dev.patchsite.linker.internal.classfile.PatchedOutCalls;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the sites in one class file: every {@code invokestatic} of a function, every {@code MethodHandle} constant
 * of a function among an {@code invokedynamic}'s bootstrap arguments, and every {@code ldc} of one, whether it names
 * the function's group or a subclass that inherits it (recorded as the site's {@link Site#via()}). It walks the
 * bytecode itself rather than through a visitor, because a site's bytecode offset is part of what it records (the
 * boot runtime patches the instruction at that offset) and ASM's visitors do not expose offsets.
 *
 * <p>Linked bytecode is read as the program it was linked from ({@link LinkedForms}): a call naming a function's
 * default body or generated trampoline is a call of the function, and an {@code invokedynamic} bound by the
 * runtime's {@code site} or {@code defaultBody} bootstrap is an {@code invoke} site, not a reference, and a call a
 * {@code static} link patched out is read, from the class's {@link PatchedOutCalls}, as the call it was. Every loop is
 * bounded by the class's bytes: attribute lengths are checked, and each dynamic constant is followed once per
 * top-level constant.
 *
 * <p>Sites are returned in bytecode order within each method, methods in class-file order, with
 * {@link Site#superCall()} false: whether a call is a super-call is known only once all variants are.
 */
final class SiteScanner {

    private final ClassBuffer buffer;
    private final ConstantPool pool;
    private final FunctionIndex index;
    private final int release;
    private final List<Site> sites = new ArrayList<>();
    /** The indexes in {@link #sites} of those found in a linked form that calls the default ({@link LinkedForms}). */
    private final BitSet callsDefault = new BitSet();
    /** The sites of the method being scanned that are in such a form. */
    private final Set<Site> foundCallingDefault = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<int[]> locations = new ArrayList<>();
    private String className;
    /** The class's {@code SourceFile} attribute, or null: where a report points its sites to. */
    private String sourceFile;
    private int bootstrapMethods = -1;
    /** The calls a static link patched out, and how many of them the methods scanned so far held. */
    private PatchedOutCalls patchedOut = PatchedOutCalls.none();
    private int patchedOutFound;
    private int[] bootstrapOffsets;
    /** The function handles reachable from each top-level constant an instruction names, by its pool index. */
    private final Map<Integer, List<MethodRef>> functionHandles = new HashMap<>();

    private SiteScanner(ClassBuffer buffer, ConstantPool pool, FunctionIndex index, int release) {
        this.buffer = buffer;
        this.pool = pool;
        this.index = index;
        this.release = release;
    }

    /**
     * Scans a class whose bytes are all in the buffer.
     *
     * @param buffer the class bytes
     * @param pool the class's constant pool
     * @param index the functions to look for
     * @param release the multi-release version of the class, or 0
     * @return the sites, in bytecode order
     * @throws MalformedClassException if the class file is malformed
     */
    static List<Site> scan(ClassBuffer buffer, ConstantPool pool, FunctionIndex index, int release) {
        return run(buffer, pool, index, release).sites;
    }

    /**
     * Scans a class, also telling which sites are in a linked form that calls the default.
     *
     * @see #scan
     */
    static Scanned scanLinked(ClassBuffer buffer, ConstantPool pool, FunctionIndex index, int release) {
        SiteScanner scanner = run(buffer, pool, index, release);
        return new Scanned(scanner.sites, scanner.callsDefault);
    }

    /**
     * The sites of a class.
     *
     * @param sites the sites, in bytecode order
     * @param callsDefault the indexes of those in a linked form that calls the default: its default body, or an
     *     {@code invokedynamic} the runtime binds to it
     */
    record Scanned(List<Site> sites, BitSet callsDefault) {
    }

    /**
     * Scans a class and returns each site with where its instruction is in the class file.
     *
     * @see #scan
     */
    static List<LocatedSite> locate(ClassBuffer buffer, ConstantPool pool, FunctionIndex index, int release) {
        SiteScanner scanner = run(buffer, pool, index, release);
        List<LocatedSite> located = new ArrayList<>(scanner.sites.size());
        for (int i = 0; i < scanner.sites.size(); i++) {
            int[] location = scanner.locations.get(i);
            located.add(new LocatedSite(scanner.sites.get(i), location[0], location[1], location[2]));
        }
        return located;
    }

    private static SiteScanner run(ClassBuffer buffer, ConstantPool pool, FunctionIndex index, int release) {
        SiteScanner scanner = new SiteScanner(buffer, pool, index, release);
        try {
            scanner.scan();
            return scanner;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new MalformedClassException("class file ends inside a structure it declares");
        }
    }

    private List<Site> scan() {
        ClassLayout layout = ClassLayout.read(buffer, pool.end());
        className = pool.className(layout.thisClass());
        layout.attributes(layout.attributes(), (name, info, length) -> {
            String attribute = pool.utf8(name);
            if (attribute.equals("BootstrapMethods")) {
                bootstrapMethods = info;
            } else if (attribute.equals("SourceFile") && length == 2) {
                sourceFile = pool.utf8(buffer.u2(info));
            } else if (attribute.equals(PatchedOutCalls.ATTRIBUTE)) {
                patchedOut = PatchedOutCalls.read(buffer, pool, info, length);
            }
        });
        for (int method : layout.methods()) {
            scanMethod(layout, method);
        }
        int patchedOutListed = 0;
        for (String method : patchedOut.methods()) {
            patchedOutListed += patchedOut.in(method).size();
        }
        if (patchedOutFound != patchedOutListed) {
            throw new MalformedClassException(PatchedOutCalls.ATTRIBUTE + " attribute names "
                    + (patchedOutListed - patchedOutFound) + " calls where no code of the class has them");
        }
        if (sourceFile != null) {
            sites.replaceAll(site -> site.withSourceFile(sourceFile));
        }
        return sites;
    }

    private void scanMethod(ClassLayout layout, int offset) {
        MethodRef caller = new MethodRef(className, pool.utf8(buffer.u2(offset + 2)), pool.utf8(buffer.u2(offset + 4)));
        layout.attributes(offset + 6, (name, info, length) -> {
            if (pool.utf8(name).equals("Code")) {
                scanCode(caller, info, info + length);
            }
        });
    }

    private void scanCode(MethodRef caller, int offset, int end) {
        check(offset + 8);
        int codeLength = buffer.s4(offset + 4);
        int code = offset + 8;
        if (codeLength < 0 || code + codeLength > end) {
            throw new MalformedClassException(where(caller) + ": code length out of range");
        }
        List<Site> found = new ArrayList<>();
        Map<String, Integer> ordinals = new HashMap<>();
        Map<Integer, Integer> patchedOutHere = patchedOut.in(caller.nameAndDescriptor());
        Map<Site, Integer> patchedOutOperands = new IdentityHashMap<>();
        int pc = 0;
        while (pc < codeLength) {
            int opcode = buffer.u1(code + pc);
            Integer patchedOutCall = patchedOutHere.get(pc);
            if (patchedOutCall != null) {
                int before = found.size();
                patchedOutCall(caller, code, codeLength, pc, patchedOutCall, found, ordinals);
                if (found.size() > before) {
                    patchedOutOperands.put(found.get(before), patchedOutCall);
                }
                pc += PatchOut.LENGTH;
                continue;
            }
            switch (opcode) {
                case Opcodes.INVOKESTATIC -> invoke(caller, pc, buffer.u2(code + pc + 1), found, ordinals);
                case Opcodes.LDC -> constant(caller, pc, SiteKind.LDC, buffer.u1(code + pc + 1), found, ordinals);
                case Opcodes.LDC_W -> constant(caller, pc, SiteKind.LDC, buffer.u2(code + pc + 1), found, ordinals);
                case Opcodes.INVOKEDYNAMIC -> {
                    int indy = buffer.u2(code + pc + 1);
                    MethodRef bootstrap = linkedCallBootstrap(caller, indy);
                    int before = found.size();
                    constant(caller, pc, bootstrap != null ? SiteKind.INVOKE : SiteKind.REF, indy, found, ordinals);
                    if (bootstrap != null && LinkedForms.bindsDefault(bootstrap)) {
                        foundCallingDefault.addAll(found.subList(before, found.size()));
                    }
                }
                default -> {
                }
            }
            int length = Opcodes.length(buffer, code, pc);
            if (length <= 0) {
                throw new MalformedClassException(where(caller) + ": invalid opcode " + opcode + " at offset " + pc);
            }
            pc += length;
        }
        if (!found.isEmpty()) {
            LineNumbers lines;
            try {
                lines = LineNumbers.read(buffer, pool, code + codeLength, end);
            } catch (MalformedClassException e) {
                throw new MalformedClassException(where(caller) + ": " + e.getMessage());
            }
            for (Site site : found) {
                if (foundCallingDefault.contains(site)) {
                    callsDefault.set(sites.size());
                }
                sites.add(site.with(site.caller(), false, lines.lineAt(site.offset()), site.offset()));
                int instruction = code + site.offset();
                Integer patchedOutOperand = patchedOutOperands.get(site);
                int operand = patchedOutOperand != null ? patchedOutOperand
                        : site.kind() == SiteKind.LDC && buffer.u1(instruction) == Opcodes.LDC
                        ? buffer.u1(instruction + 1) : buffer.u2(instruction + 1);
                locations.add(new int[] {instruction, operand, codeLength});
            }
        }
    }

    /**
     * Reads a call a static link patched out as the call it was, once its three bytes are checked to be the pops of
     * its arguments: an attribute that says otherwise (a class changed after linking) is not believed.
     */
    private void patchedOutCall(MethodRef caller, int code, int codeLength, int pc, int methodref, List<Site> found,
            Map<String, Integer> ordinals) {
        int expected = PatchOut.instruction(pool.method(methodref).descriptor());
        int actual = pc + PatchOut.LENGTH > codeLength ? -1
                : buffer.u1(code + pc) << 16 | buffer.u1(code + pc + 1) << 8 | buffer.u1(code + pc + 2);
        if (expected < 0 || actual != expected) {
            throw new MalformedClassException(where(caller) + ": the " + PatchedOutCalls.ATTRIBUTE + " attribute says"
                    + " a call of " + pool.method(methodref) + " was patched out at offset " + pc + ", but the code"
                    + " there is not the pops of its arguments");
        }
        patchedOutFound++;
        invoke(caller, pc, methodref, found, ordinals);
    }

    private void invoke(MethodRef caller, int pc, int cpIndex, List<Site> found, Map<String, Integer> ordinals) {
        int tag = pool.tag(cpIndex);
        if (tag != ConstantPool.METHODREF && tag != ConstantPool.INTERFACE_METHODREF) {
            throw new MalformedClassException(where(caller) + ": invokestatic at offset " + pc
                    + " does not refer to a method");
        }
        MethodRef method = pool.method(cpIndex);
        Function function = index.function(method);
        if (function != null && !LinkedForms.isTrampolineCall(caller, method, function)) {
            Site site = site(function, method, caller, pc, SiteKind.INVOKE, ordinals);
            found.add(site);
            if (LinkedForms.isDefaultBody(method)) {
                foundCallingDefault.add(site);
            }
        }
    }

    /** Records a site for each function handle reachable from a loadable constant or an indy/condy entry. */
    private void constant(MethodRef caller, int pc, SiteKind kind, int cpIndex, List<Site> found,
            Map<String, Integer> ordinals) {
        List<MethodRef> handles = functionHandles.get(cpIndex);
        if (handles == null) {
            handles = new ArrayList<>();
            try {
                collect(cpIndex, 0, new BitSet(), handles);
            } catch (MalformedClassException e) {
                throw new MalformedClassException(where(caller) + ": " + e.getMessage());
            }
            functionHandles.put(cpIndex, handles);
        }
        for (MethodRef method : handles) {
            found.add(site(index.function(method), method, caller, pc, kind, ordinals));
        }
    }

    /**
     * Collects the function handles reachable from a constant, in order: a {@code MethodHandle} of a function is one,
     * an indy or condy entry is followed into its bootstrap method and arguments, to a depth of
     * {@value ConstantPool#MAX_CONSTANT_DEPTH} and once per top-level constant (the {@code expanded} pool indexes), so
     * the work is bounded by the size of the {@code BootstrapMethods} attribute. {@code SiteRewriter} counts the same
     * way.
     */
    private void collect(int cpIndex, int depth, BitSet expanded, List<MethodRef> handles) {
        int tag = pool.tag(cpIndex);
        if (tag == ConstantPool.METHOD_HANDLE) {
            int offset = pool.offset(cpIndex);
            int referenceKind = buffer.u1(offset + 1);
            int reference = buffer.u2(offset + 2);
            int referenceTag = pool.tag(reference);
            if (referenceKind == ConstantPool.REF_INVOKE_STATIC
                    && (referenceTag == ConstantPool.METHODREF || referenceTag == ConstantPool.INTERFACE_METHODREF)
                    && index.function(pool.method(reference)) != null) {
                handles.add(pool.method(reference));
            }
        } else if ((tag == ConstantPool.INVOKE_DYNAMIC || tag == ConstantPool.DYNAMIC)
                && depth < ConstantPool.MAX_CONSTANT_DEPTH && !expanded.get(cpIndex)) {
            expanded.set(cpIndex);
            if (bootstrapMethods < 0) {
                throw new MalformedClassException("dynamic constant without BootstrapMethods");
            }
            int bootstrap = bootstrapMethod(buffer.u2(pool.offset(cpIndex) + 1));
            collect(buffer.u2(bootstrap), depth + 1, expanded, handles);
            int arguments = buffer.u2(bootstrap + 2);
            for (int i = 0; i < arguments; i++) {
                collect(buffer.u2(bootstrap + 4 + 2 * i), depth + 1, expanded, handles);
            }
        }
    }

    /**
     * Returns the bootstrap method of an {@code invokedynamic} if it is a linked call of a function: one that the
     * runtime's {@code site} or {@code defaultBody} bootstrap binds ({@link LinkedForms}), which is a call of the
     * function, not a reference; else null.
     */
    private MethodRef linkedCallBootstrap(MethodRef caller, int cpIndex) {
        if (pool.tag(cpIndex) != ConstantPool.INVOKE_DYNAMIC) {
            throw new MalformedClassException(where(caller) + ": invokedynamic of constant pool entry " + cpIndex
                    + ", which is not an InvokeDynamic entry");
        }
        if (bootstrapMethods < 0) {
            throw new MalformedClassException(where(caller) + ": dynamic constant without BootstrapMethods");
        }
        int handle = buffer.u2(bootstrapMethod(buffer.u2(pool.offset(cpIndex) + 1)));
        if (pool.tag(handle) != ConstantPool.METHOD_HANDLE) {
            return null;
        }
        int reference = buffer.u2(pool.offset(handle) + 2);
        int tag = pool.tag(reference);
        if (tag != ConstantPool.METHODREF && tag != ConstantPool.INTERFACE_METHODREF) {
            return null;
        }
        MethodRef bootstrap = pool.method(reference);
        return LinkedForms.bindsCall(bootstrap) ? bootstrap : null;
    }

    /** Returns the offset of bootstrap method {@code number}, found from a table of them all made on first use. */
    private int bootstrapMethod(int number) {
        if (bootstrapOffsets == null) {
            int count = buffer.u2(bootstrapMethods);
            int end = bootstrapMethods + buffer.s4(bootstrapMethods - 4);
            bootstrapOffsets = new int[count];
            int offset = bootstrapMethods + 2;
            for (int i = 0; i < count; i++) {
                bootstrapOffsets[i] = offset;
                offset += 4 + 2 * buffer.u2(offset + 2);
                if (offset > end) {
                    throw new MalformedClassException("BootstrapMethods attribute runs past its end");
                }
            }
        }
        if (number >= bootstrapOffsets.length) {
            throw new MalformedClassException("bootstrap method " + number + " out of range");
        }
        return bootstrapOffsets[number];
    }

    /** Makes a site of a call naming {@code method}; calls through a subclass count with the group's own. */
    private Site site(Function function, MethodRef method, MethodRef caller, int pc, SiteKind kind,
            Map<String, Integer> ordinals) {
        int ordinal = ordinals.merge(function.id(), 1, Integer::sum) - 1;
        return new Site(function.id(), caller, release, ordinal, kind, false, 0, pc, null,
                FunctionIndex.via(method, function));
    }

    private void check(int offset) {
        if (offset > buffer.length()) {
            throw new MalformedClassException("truncated class file (" + buffer.length() + " bytes)");
        }
    }

    private static String where(MethodRef method) {
        // The name and descriptor come from the input: a line break in them must not split the message.
        return "method " + OneLine.of(method.name() + method.descriptor());
    }
}
