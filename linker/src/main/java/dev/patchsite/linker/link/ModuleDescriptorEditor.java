package dev.patchsite.linker.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Gives a linked module what it needs at run time, by editing its {@code module-info.class} with ASM's module
 * visitor: {@code requires dev.patchsite.runtime} (its trampolines and {@code invokedynamic} sites name the runtime's
 * bootstrap methods; a {@code requires static} of the runtime, there for the annotations, becomes a plain one), the
 * export of each package holding a probe to {@code dev.patchsite.runtime} (the runtime instantiates probes), and
 * packages the linker added to the jar in its {@code ModulePackages} attribute. Every other directive and attribute
 * is kept: the class is copied with {@code new ClassWriter(reader, 0)}, which keeps the constant pool and passes
 * attributes ASM does not know (ModuleTarget, ModuleHashes...) through as they are. Nothing is added twice, so
 * editing an edited descriptor changes nothing.
 */
final class ModuleDescriptorEditor {

    /** The runtime's module name, as its descriptor declares it. */
    static final String RUNTIME_MODULE = "dev.patchsite.runtime";

    private ModuleDescriptorEditor() {
    }

    /**
     * Edits a module descriptor.
     *
     * @param descriptor the class file of {@code module-info}
     * @param probePackages the internal names of the module's packages that hold probes
     * @param packages the internal names of packages the module must list in {@code ModulePackages}
     * @param listPackages whether to write a {@code ModulePackages} attribute if the descriptor has none (needed when
     *     the jar holds classes that must not be the module's: an embedded runtime); if false, {@code packages} are
     *     only added to an attribute that is there
     * @return the edited descriptor, or null if it needs no change
     */
    static byte[] edit(byte[] descriptor, Set<String> probePackages, Set<String> packages, boolean listPackages) {
        ClassReader reader = new ClassReader(descriptor);
        ClassWriter writer = new ClassWriter(reader, 0);
        Editor editor = new Editor(writer, probePackages, packages, listPackages);
        reader.accept(editor, 0);
        if (!editor.changed) {
            return null;
        }
        byte[] edited = writer.toByteArray();
        return Arrays.equals(edited, descriptor) ? null : edited;
    }

    private static final class Editor extends ClassVisitor {
        private final Set<String> probePackages;
        private final Set<String> packages;
        private final boolean listPackages;
        boolean changed;

        Editor(ClassVisitor next, Set<String> probePackages, Set<String> packages, boolean listPackages) {
            super(Opcodes.ASM9, next);
            this.probePackages = probePackages;
            this.packages = packages;
            this.listPackages = listPackages;
        }

        @Override
        public ModuleVisitor visitModule(String name, int access, String version) {
            ModuleVisitor next = super.visitModule(name, access, version);
            return name.equals(RUNTIME_MODULE) ? next : new ModuleEditor(next);
        }

        /** Passes every directive on, amending the runtime's requirement, probe exports and packages. */
        private final class ModuleEditor extends ModuleVisitor {
            private final Set<String> listed = new TreeSet<>();
            private final Set<String> exported = new TreeSet<>();
            private boolean requiresRuntime;

            ModuleEditor(ModuleVisitor next) {
                super(Opcodes.ASM9, next);
            }

            @Override
            public void visitPackage(String pkg) {
                listed.add(pkg);
                super.visitPackage(pkg);
            }

            @Override
            public void visitRequire(String module, int access, String version) {
                int flags = access;
                if (module.equals(RUNTIME_MODULE)) {
                    requiresRuntime = true;
                    flags &= ~Opcodes.ACC_STATIC_PHASE;
                    changed |= flags != access;
                }
                super.visitRequire(module, flags, version);
            }

            @Override
            public void visitExport(String pkg, int access, String... modules) {
                exported.add(pkg);
                String[] targets = modules;
                if (modules != null && probePackages.contains(pkg) && !Arrays.asList(modules).contains(RUNTIME_MODULE)) {
                    targets = Arrays.copyOf(modules, modules.length + 1);
                    targets[modules.length] = RUNTIME_MODULE;
                    changed = true;
                }
                super.visitExport(pkg, access, targets);
            }

            @Override
            public void visitEnd() {
                // ModuleWriter keeps each kind of directive apart, so adding them last keeps the order of the rest.
                if (!requiresRuntime) {
                    super.visitRequire(RUNTIME_MODULE, 0, null);
                    changed = true;
                }
                for (String pkg : probePackages) {
                    if (!exported.contains(pkg)) {
                        super.visitExport(pkg, 0, RUNTIME_MODULE);
                        changed = true;
                    }
                }
                if (!listed.isEmpty() || listPackages) {
                    List<String> added = new ArrayList<>(new TreeSet<>(packages));
                    added.removeAll(listed);
                    for (String pkg : added) {
                        super.visitPackage(pkg);
                        changed = true;
                    }
                }
                super.visitEnd();
            }
        }
    }
}
