package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.classfile.InternalNames;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.input.ClassPaths;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the descriptor of a modular jar must gain in a {@code boot} or {@code indy} link (see
 * {@link ModuleDescriptorEditor}): the packages of its probes, to export to the runtime, and the packages linking adds
 * to the jar. An embedded runtime is kept out of the module: the descriptor then lists the module's packages, so
 * that on the module path the runtime comes from its own module, {@code dev.patchsite.runtime}, while
 * {@code java -jar} finds the embedded copy on the class path.
 *
 * @param probePackages the internal names of the jar's packages holding a probe
 * @param packages the packages the descriptor must list if it lists any, or always if {@code listPackages}
 * @param listPackages whether the descriptor must list its packages
 */
record ModuleNeeds(Set<String> probePackages, Set<String> packages, boolean listPackages) {

    private static final String DESCRIPTOR = "module-info";

    /**
     * Returns what a jar's descriptor must gain, or null if it needs nothing: the jar is no module, the link is
     * static, or the jar neither changed nor holds a probe.
     *
     * @param program the program
     * @param zip the input jar
     * @param calledFunctions the ids of the functions its linked classes call
     * @param changed whether linking changed any of its classes
     * @param embedding whether the runtime is embedded into it
     */
    static ModuleNeeds of(Program program, ZipArchive zip, Set<String> calledFunctions, boolean changed,
            boolean embedding) {
        if (program.mode() == LinkMode.STATIC || !hasDescriptor(zip)) {
            return null;
        }
        Set<String> probes = new TreeSet<>();
        for (Variant variant : program.table().variants()) {
            if (variant.when() != null && zip.find(variant.when() + ".class") >= 0) {
                probes.add(InternalNames.packageOf(variant.when()));
            }
        }
        if (!changed && probes.isEmpty()) {
            return null;
        }
        Set<String> packages = new TreeSet<>();
        // A call of a group this link does not rewrite may go to its generated trampoline class, added to the jar.
        for (String id : calledFunctions) {
            Function function = program.function(id);
            if (function != null && !program.rewritten(function.group())) {
                packages.add(InternalNames.packageOf(Program.generatedTrampolineClass(function.group())));
            }
        }
        if (embedding) {
            for (int entry = 0; entry < zip.size(); entry++) {
                String name = zip.name(entry);
                int release = ClassPaths.release(name);
                if (release >= 0 && !zip.isDirectory(entry)) {
                    String className = ClassPaths.className(name, release);
                    if (!className.equals(DESCRIPTOR) && className.indexOf('/') > 0) {
                        packages.add(InternalNames.packageOf(className));
                    }
                }
            }
        }
        return new ModuleNeeds(probes, packages, embedding);
    }

    /** Returns whether an entry is a module descriptor: {@code module-info.class}, of any release. */
    static boolean isDescriptor(String name) {
        int release = ClassPaths.release(name);
        return release >= 0 && ClassPaths.className(name, release).equals(DESCRIPTOR);
    }

    /** Returns the edited descriptor, or null if it needs no change. */
    byte[] apply(byte[] descriptor) {
        return ModuleDescriptorEditor.edit(descriptor, probePackages, packages, listPackages);
    }

    private static boolean hasDescriptor(ZipArchive zip) {
        if (zip.find(DESCRIPTOR + ".class") >= 0) {
            return true;
        }
        byte[] versions = ClassPaths.VERSIONS.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int entry = 0; entry < zip.size(); entry++) {
            if (zip.nameStartsWith(entry, versions) && isDescriptor(zip.name(entry))) {
                return true;
            }
        }
        return false;
    }
}
