package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.classfile.ClassFileAppender;
import dev.patchsite.linker.internal.classfile.PatchOut;
import dev.patchsite.linker.internal.classfile.PatchedOutCalls;
import dev.patchsite.linker.scan.ClassSites;
import dev.patchsite.linker.scan.LocatedSite;
import dev.patchsite.linker.internal.input.ProgramModules;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.runtime.Bootstrap;
import dev.patchsite.runtime.PatchData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Links one class: gives a group's functions their trampolines, rewrites the calls its plans say to rewrite, and
 * in {@code boot} mode leaves the agent its patch data. The class is read and written by ASM with
 * {@code new ClassWriter(reader, 0)}: the constant pool is copied with its indexes, methods without a change are
 * copied byte for byte, and stack map frames are kept as they are, never recomputed (recomputing them would load
 * classes, and changes nothing here: no rewrite adds a branch or changes the stack).
 */
final class ClassLinker {

    private final Program program;
    private final BindingPolicy policy;
    /** The functions by the methods calls of them name: their own, and those of subclasses that inherit them. */
    private final Map<MethodRef, Function> functions = new HashMap<>();
    private final Map<MethodRef, Function> inherited;
    private final List<Function> locatable;

    ClassLinker(Program program, ProgramModules modules) {
        this.program = program;
        this.policy = new BindingPolicy(program, modules);
        for (Function function : program.table().functions()) {
            functions.put(function.method(), function);
        }
        inherited = LinkedCalls.inherited(program.table());
        functions.putAll(inherited);
        // After linking, a call may name the default body or a generated trampoline instead of the function.
        locatable = LinkedCalls.locatable(program.table(), false);
    }

    /**
     * The linked class and how its sites were bound.
     *
     * @param bytes the class file
     * @param sites the class's sites with their bindings
     * @param redirectedGroups the groups whose generated trampoline class the linked class calls
     * @param warning why the class's sites stay on their trampolines, or null if they are bound as planned
     */
    record Linked(byte[] bytes, List<Site> sites, List<String> redirectedGroups, String warning) {
    }

    /**
     * Links a class.
     *
     * @param classFile the class file as read
     * @param release its multi-release version, or 0
     * @param tableSites its sites as the scan found them (with super-call marks)
     * @param trampolined the functions it declares that get trampolines (empty unless it is a group this link
     *     rewrites)
     * @return the linked class; if rewriting it would pass a class-file limit (a full constant pool, a method past
     *     64 KiB, dynamic constants ASM will not read), the class with its sites left on their trampolines
     *     ({@code size}) and a warning
     * @throws IllegalArgumentException if ASM cannot read the class, or it passes a limit even so, in words naming
     *     the method where known
     */
    Linked link(byte[] classFile, int release, Collection<Site> tableSites, List<Function> trampolined) {
        Map<Site.Key, Site> byKey = new HashMap<>();
        for (Site site : tableSites) {
            byKey.put(site.key(), site);
        }
        List<LocatedSite> located = new ArrayList<>();
        for (LocatedSite site : ClassSites.locate(classFile, program.table().functions(), inherited, release)) {
            Site known = byKey.get(site.site().key());
            if (known == null) {
                throw new IllegalStateException("site not in the table: " + site.site());
            }
            located.add(new LocatedSite(known, site.instruction(), site.constant(), site.codeLength()));
        }
        ClassFileAppender appender = new ClassFileAppender(classFile);
        List<SitePlan> plans = policy.plan(appender.className(), ClassSites.majorVersion(classFile), located).stream()
                .map(ClassLinker::throughSubclass).toList();
        String warning = null;
        byte[] bytes;
        try {
            bytes = rewrite(classFile, release, appender, plans, located, trampolined);
        } catch (ClassTooLargeException | MethodTooLargeException | LimitExceededException
                | ClassFileAppender.FullException e) {
            // Not invalid input: the class is as the JVM takes it, but rewriting it would pass a class-file limit.
            // Its sites stay on their trampolines, as they are; a super-call must still be rewritten.
            String limit = limit(e);
            plans = plans.stream().map(ClassLinker::leftAsItIs).toList();
            try {
                bytes = rewrite(classFile, release, new ClassFileAppender(classFile), plans, located, trampolined);
            } catch (ClassTooLargeException | MethodTooLargeException | LimitExceededException
                    | ClassFileAppender.FullException again) {
                throw new IllegalArgumentException(limit + ", even with its sites left on their trampolines");
            }
            warning = limit + "; its sites are left as they are, on their trampolines";
        }
        List<Site> bound = new ArrayList<>();
        List<String> redirected = new ArrayList<>();
        for (SitePlan plan : plans) {
            bound.add(plan.site());
            if (plan.call() != null && plan.call().equals(program.trampoline(plan.function()))
                    && !redirected.contains(plan.function().group())) {
                redirected.add(plan.function().group());
            }
        }
        return new Linked(bytes, bound, redirected, warning);
    }

    /**
     * Returns the plan of a site left as it is, on its trampoline ({@code size}; a reference keeps {@code address}),
     * except a super-call, which must still call the default.
     */
    private static SitePlan leftAsItIs(SitePlan plan) {
        if (plan.site().superCall()) {
            return plan;
        }
        Site site = plan.site().kind() == SiteKind.INVOKE ? plan.site().bound(Binding.trampoline(Binding.SIZE))
                : plan.site();
        return new SitePlan(site, plan.function(), null, null);
    }

    /**
     * Rewrites a class as its plans say: in place if every plan changes no more than an operand and the class gets
     * no trampoline, else with ASM.
     *
     * @throws IllegalArgumentException if ASM cannot read the class, in words naming the method
     */
    private byte[] rewrite(byte[] classFile, int release, ClassFileAppender appender, List<SitePlan> plans,
            List<LocatedSite> located, List<Function> trampolined) {
        if (trampolined.isEmpty() && plans.stream().allMatch(ClassLinker::editableInPlace)) {
            return editInPlace(appender, plans, located);
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        Rewriter rewriter = new Rewriter(writer, plans, trampolined);
        try {
            reader.accept(rewriter, 0);
        } catch (ClassTooLargeException | MethodTooLargeException | LimitExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(unreadable(e, rewriter.method), e);
        }
        byte[] bytes = writer.toByteArray();
        rewriter.fillPatchData(bytes, release);
        return bytes;
    }

    /** Says in words what ASM's exception means, without its internals. */
    private static String unreadable(RuntimeException e, String method) {
        String where = method == null ? "" : "method " + method + ": ";
        String message = String.valueOf(e.getMessage());
        if (message.contains("F_NEW frames")) {
            return where + "stack map frames of a kind its class-file version (49 or older) cannot have";
        }
        return where + "malformed class file (the bytecode reader stopped at a structure it could not read)";
    }

    /** Says which class-file limit rewriting would pass. */
    private static String limit(RuntimeException e) {
        if (e instanceof MethodTooLargeException tooLarge) {
            return "method " + tooLarge.getMethodName() + tooLarge.getDescriptor() + " would outgrow 64 KiB";
        }
        if (e instanceof LimitExceededException) {
            return "its dynamic constants nest too deep or too wide to be rewritten";
        }
        return e instanceof ClassFileAppender.FullException full ? full.getMessage()
                : "its constant pool would be full";
    }

    /**
     * Returns the plan of a call through a subclass with the group's own methods it names (the default body, or the
     * function) named through the subclass instead, which inherits them: the caller could name the subclass, but
     * perhaps not the group (a package-private group with a public subclass).
     */
    private static SitePlan throughSubclass(SitePlan plan) {
        String via = plan.site().via();
        if (via == null) {
            return plan;
        }
        String group = plan.function().group();
        SitePlan.Patch patch = plan.patch() == null ? null
                : new SitePlan.Patch(through(plan.patch().fallback(), group, via), plan.patch().options(),
                        plan.patch().patchOut());
        return new SitePlan(plan.site(), plan.function(), through(plan.call(), group, via), patch);
    }

    /** Returns the method under the subclass's name if the group declares it, else the method. */
    private static MethodRef through(MethodRef method, String group, String via) {
        return method == null || !method.owner().equals(group) ? method
                : new MethodRef(via, method.name(), method.descriptor());
    }

    /**
     * Returns whether a site's plan changes no more than its instruction's operand: it stays an {@code
     * invokestatic}, or a reference left as it is. Only a class whose every site is so, and which gets no
     * trampoline, is linked without ASM.
     */
    private static boolean editableInPlace(SitePlan plan) {
        return !plan.becomesIndy() && (plan.call() == null || plan.site().kind() == SiteKind.INVOKE);
    }

    /**
     * Links a class by editing its bytes: each changed call's operand points at a constant for its new target, and
     * the patch data is appended as the class's last attribute. The pool grows at its end, so every offset past it
     * moves by the same amount and the sites' offsets are known without reading the result again.
     */
    private byte[] editInPlace(ClassFileAppender appender, List<SitePlan> plans, List<LocatedSite> located) {
        Map<Site.Key, LocatedSite> where = new HashMap<>();
        located.forEach(site -> where.put(site.site().key(), site));
        List<SitePlan> patched = new ArrayList<>();
        List<PatchedOutCalls.Call> patchedOut = new ArrayList<>();
        Map<SitePlan, Integer> operands = new HashMap<>();
        for (SitePlan plan : plans) {
            LocatedSite site = where.get(plan.site().key());
            int operand = site.constant();
            if (plan.call() != null) {
                operand = appender.method(plan.call(), program.isInterfaceOwner(plan.call().owner()));
                appender.setU2(site.instruction() + 1, operand);
            } else if (plan.patchesOut()) {
                int out = PatchOut.instruction(plan.function().method().descriptor());
                appender.setU1(site.instruction(), out >>> 16);
                appender.setU2(site.instruction() + 1, out & 0xffff);
                MethodRef caller = plan.site().caller();
                patchedOut.add(new PatchedOutCalls.Call(appender.utf8(caller.name()),
                        appender.utf8(caller.descriptor()), plan.site().offset(), site.constant()));
            }
            operands.put(plan, operand);
            if (plan.site().binding().kind() == Binding.Kind.PATCH) {
                patched.add(plan);
            }
        }
        if (!patchedOut.isEmpty()) {
            // Static mode: no patch data, which is boot mode's.
            return appender.toByteArray(appender.utf8(PatchedOutCalls.ATTRIBUTE), PatchedOutCalls.info(patchedOut));
        }
        if (patched.isEmpty()) {
            return appender.toByteArray(0, null);
        }
        List<Integer> positions = new ArrayList<>();
        PatchSitesAttribute attribute = PatchSitesAttribute.of(program, patched,
                method -> appender.method(method, program.isInterfaceOwner(method.owner())), positions);
        int name = appender.utf8(PatchData.ATTRIBUTE);
        byte[] bytes = appender.toByteArray(name, attribute.info());
        for (int i = 0; i < patched.size(); i++) {
            SitePlan plan = patched.get(i);
            attribute.fill(bytes, positions.get(i), where.get(plan.site().key()).instruction()
                    + appender.poolGrowth(), operands.get(plan));
        }
        return bytes;
    }

    /** The ASM adapter that does the work of {@link #link}. */
    private final class Rewriter extends ClassVisitor {
        private final ClassWriter writer;
        private final List<SitePlan> plans;
        private final Map<String, Function> trampolined = new HashMap<>();
        private final Map<String, Map<String, SitePlan>> changedByMethod = new HashMap<>();
        private final List<SitePlan> patched = new ArrayList<>();
        private final List<Integer> patchPositions = new ArrayList<>();
        private PatchSitesAttribute attribute;
        /** The calls this class's link patches out, or null if it patches none. */
        private PatchedOutAttribute patchedOut;
        private boolean isInterface;
        private String owner;
        private int version;
        /** Whether this group class, linked in static mode, warns of a selection property (null until visited). */
        private boolean warnsOfSelection;
        private boolean hasInitializer;
        /** The method being visited, for messages. */
        private String method;

        Rewriter(ClassWriter writer, List<SitePlan> plans, List<Function> functionsHere) {
            super(Opcodes.ASM9, writer);
            this.writer = writer;
            this.plans = plans;
            for (Function function : functionsHere) {
                trampolined.put(function.method().nameAndDescriptor(), function);
            }
            for (SitePlan plan : plans) {
                Binding.Kind kind = plan.site().binding().kind();
                if (plan.becomesIndy() || plan.call() != null || plan.patchesOut()) {
                    changedByMethod.computeIfAbsent(plan.site().caller().nameAndDescriptor(), m -> new HashMap<>())
                            .put(SiteRewriter.key(plan.function().id(), plan.site().ordinal()), plan);
                }
                if (kind == Binding.Kind.PATCH) {
                    patched.add(plan);
                }
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            this.owner = name;
            this.version = version;
            warnsOfSelection = program.mode() == LinkMode.STATIC && !trampolined.isEmpty()
                    && StaticSelectionWarning.applies(isInterface, version);
            super.visit(version, access, name, signature, superName, interfaces);
            if (!patched.isEmpty()) {
                // ClassWriter writes the non-standard attributes in the reverse order of their visits: visited
                // before any the class already has, the patch data is written last and ends the class file.
                attribute = patchData();
                super.visitAttribute(attribute);
            }
            if (plans.stream().anyMatch(SitePlan::patchesOut)) {
                patchedOut = new PatchedOutAttribute(writer);
                super.visitAttribute(patchedOut);
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            method = name + descriptor;
            Function function = trampolined.get(name + descriptor);
            MethodVisitor visitor;
            if (function == null) {
                visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (warnsOfSelection && name.equals("<clinit>")) {
                    hasInitializer = true;
                    visitor = StaticSelectionWarning.callFirst(visitor, owner, isInterface);
                }
            } else {
                MethodVisitor trampoline = super.visitMethod(access & ~Opcodes.ACC_SYNCHRONIZED, name, descriptor,
                        signature, exceptions);
                int defaultAccess = isInterface
                        ? Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | access & Opcodes.ACC_STRICT
                        : access | Opcodes.ACC_SYNTHETIC;
                MethodVisitor defaultBody = super.visitMethod(defaultAccess, Bootstrap.DEFAULT_PREFIX + name,
                        descriptor, signature, exceptions);
                visitor = new FunctionSplitter(trampoline, defaultBody, program, function);
            }
            Map<String, SitePlan> changed = changedByMethod.get(name + descriptor);
            // A patched-out call is recorded in the method that holds the code once linked: a function's moved body.
            MethodRef code = new MethodRef(owner, function == null ? name : Bootstrap.DEFAULT_PREFIX + name,
                    descriptor);
            return changed == null ? visitor : new SiteRewriter(visitor, functions, changed, program,
                    patchedOut == null ? null : patchedOut.in(code));
        }

        @Override
        public void visitEnd() {
            if (warnsOfSelection) {
                StaticSelectionWarning.add(cv, owner, isInterface, version, hasInitializer,
                        program.staticSelection(owner));
            }
            super.visitEnd();
        }

        /** Builds the agent's patch data, registering every constant it names. */
        private PatchSitesAttribute patchData() {
            return PatchSitesAttribute.of(program, patched, this::constant, patchPositions);
        }

        private int constant(MethodRef method) {
            return writer.newMethod(method.owner(), method.name(), method.descriptor(),
                    program.isInterfaceOwner(method.owner()));
        }

        /** Writes the offset and constant of each patched site's instruction into the written class. */
        void fillPatchData(byte[] bytes, int release) {
            if (attribute == null) {
                return;
            }
            if (PatchData.patchOffsets(bytes).length != patched.size()) {
                throw new IllegalStateException("the patch data does not end the class file");
            }
            Map<Site.Key, LocatedSite> written = new LinkedHashMap<>();
            for (LocatedSite site : ClassSites.locate(bytes, locatable, inherited, release)) {
                written.put(LinkedCalls.unmoved(site.site()).key(), site);
            }
            for (int i = 0; i < patched.size(); i++) {
                LocatedSite site = written.get(patched.get(i).site().key());
                if (site == null) {
                    throw new IllegalStateException("patched site not found after linking: " + patched.get(i).site());
                }
                attribute.fill(bytes, patchPositions.get(i), site.instruction(), site.constant());
            }
        }
    }
}
