package dev.patchsite.linker.scan;

import dev.patchsite.linker.internal.classfile.ClassBuffer;
import dev.patchsite.linker.internal.classfile.ConstantPool;
import dev.patchsite.linker.internal.classfile.MalformedClassException;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the sites of one class file in memory: what the linker uses to check a class before and after rewriting it.
 */
public final class ClassSites {

    private ClassSites() {
    }

    /**
     * Returns the sites of the given functions in a class file, with where each instruction is.
     *
     * @param classFile the class file
     * @param functions the functions to look for
     * @param release the class's multi-release version, or 0
     * @return the sites in bytecode order, without super-call marks
     * @throws IllegalArgumentException if the class file is malformed
     */
    public static List<LocatedSite> locate(byte[] classFile, Collection<Function> functions, int release) {
        return locate(classFile, functions, Map.of(), release);
    }

    /**
     * Returns the sites of the given functions in a class file, including calls naming them through subclasses,
     * with where each instruction is.
     *
     * @param classFile the class file
     * @param functions the functions to look for
     * @param inherited the functions by the methods of subclasses that inherit them, e.g. {@code Sub.f()I} to the
     *     function {@code G.f()I} (see {@link ScanResult#inherited()})
     * @param release the class's multi-release version, or 0
     * @return the sites in bytecode order, without super-call marks
     * @throws IllegalArgumentException if the class file is malformed
     */
    public static List<LocatedSite> locate(byte[] classFile, Collection<Function> functions,
            Map<MethodRef, Function> inherited, int release) {
        ClassBuffer buffer = new ClassBuffer();
        buffer.start(classFile);
        try {
            ConstantPool pool = ConstantPool.read(buffer);
            return SiteScanner.locate(buffer, pool, FunctionIndex.EMPTY.with(functions).withInherited(inherited),
                    release);
        } catch (MalformedClassException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the sites of the given functions in a class file.
     *
     * @param classFile the class file
     * @param functions the functions to look for
     * @param release the class's multi-release version, or 0
     * @return the sites in bytecode order, without super-call marks
     * @throws IllegalArgumentException if the class file is malformed
     */
    public static List<Site> sites(byte[] classFile, Collection<Function> functions, int release) {
        return locate(classFile, functions, release).stream().map(LocatedSite::site).toList();
    }

    /**
     * Returns the class file's major version, e.g. 52 for Java 8.
     *
     * @param classFile the class file
     * @return the major version
     */
    public static int majorVersion(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }
}
