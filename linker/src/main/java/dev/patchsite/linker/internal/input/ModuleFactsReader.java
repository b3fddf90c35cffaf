package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.Messages;
import dev.patchsite.linker.internal.classfile.InternalNames;
import dev.patchsite.linker.internal.classfile.MalformedClassException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads the module descriptor of one input, if it has one: {@code module-info.class} at its root, or the newest copy
 * under {@code META-INF/versions/N/} (the one a current JVM uses, whatever JDK runs the linker).
 */
final class ModuleFactsReader {

    /** The name of a module descriptor's class file. */
    static final String DESCRIPTOR = "module-info.class";
    /** The newest release looked for under {@code META-INF/versions/}: a bound keeps the lookups few and fixed. */
    private static final int NEWEST_RELEASE = 64;

    private ModuleFactsReader() {
    }

    /**
     * Returns the module an input holds, or null if it holds no descriptor.
     *
     * @param source the input
     * @throws IOException if the descriptor cannot be read
     * @throws MalformedClassException if it is not a valid module descriptor
     */
    static ModuleFacts read(ClassSource source) throws IOException {
        ClassEntry entry = null;
        for (int release = NEWEST_RELEASE; release >= 9 && entry == null; release--) {
            entry = source.find(ClassPaths.VERSIONS + release + "/" + DESCRIPTOR);
        }
        if (entry == null) {
            entry = source.find(DESCRIPTOR);
        }
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = source.open(entry)) {
            bytes = in.readAllBytes();
        }
        Collector collector = new Collector();
        try {
            new ClassReader(bytes).accept(collector, ClassReader.SKIP_CODE);
        } catch (RuntimeException e) {
            throw new MalformedClassException(entry.location() + ": " + Messages.rootCause(e));
        }
        if (collector.name == null) {
            throw new MalformedClassException(entry.location() + ": no Module attribute");
        }
        Set<String> packages = collector.packages;
        if (packages.isEmpty()) {
            packages = packagesOf(source);
        }
        return new ModuleFacts(collector.name, collector.requires, collector.transitive, collector.exports, packages,
                entry.location());
    }

    /** Returns the packages of an input's classes, base and versioned copies. */
    private static Set<String> packagesOf(ClassSource source) {
        Set<String> packages = new HashSet<>();
        for (ClassEntry entry : source.classEntries()) {
            String className = entry.className();
            if (!className.equals("module-info")) {
                packages.add(InternalNames.packageOf(className));
            }
        }
        packages.remove("");
        return packages;
    }

    /** Collects the directives a module descriptor declares. */
    private static final class Collector extends ClassVisitor {
        String name;
        final Set<String> requires = new HashSet<>();
        final Set<String> transitive = new HashSet<>();
        final Map<String, List<String>> exports = new TreeMap<>();
        final Set<String> packages = new HashSet<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public ModuleVisitor visitModule(String module, int access, String version) {
            name = module;
            return new ModuleVisitor(Opcodes.ASM9) {
                @Override
                public void visitPackage(String pkg) {
                    packages.add(pkg);
                }

                @Override
                public void visitRequire(String required, int flags, String requiredVersion) {
                    requires.add(required);
                    if ((flags & Opcodes.ACC_TRANSITIVE) != 0) {
                        transitive.add(required);
                    }
                }

                @Override
                public void visitExport(String pkg, int flags, String... modules) {
                    exports.put(pkg, modules == null ? List.of() : List.of(modules));
                }
            };
        }
    }
}
