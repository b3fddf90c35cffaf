package dev.patchsite.linker.scan;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Messages;
import dev.patchsite.linker.internal.classfile.MalformedClassException;
import dev.patchsite.linker.internal.classfile.ModifiedUtf8;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.declarations.ClassLookup;
import dev.patchsite.linker.internal.input.ClassEntry;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the names under which subclasses inherit functions. javac compiles a call written {@code Sub.f()} to
 * {@code invokestatic Sub.f}, which the JVM resolves by looking in {@code Sub}, then in its superclasses (JVMS
 * 5.4.3.3): it calls the group's {@code G.f} unless {@code Sub}, or a class between it and {@code G}, declares a method
 * of the same name and descriptor, which hides it. Static methods of interfaces are not inherited (JVMS 5.4.3.4), so
 * only superclass chains count, and a subclass may live in any input of the program.
 *
 * <p>The scan keeps one int per class for this, the hash of its superclass's name. Starting from the groups, the
 * classes whose superclass hash is that of a class already reached are read (only their headers and methods) and
 * checked exactly, level by level, so only the subclasses themselves and the rare hash collision are read.
 */
final class InheritedFunctions {

    private InheritedFunctions() {
    }

    /**
     * Returns the functions by the subclass methods that resolve to them.
     *
     * @param entries the program's visible class entries
     * @param superHashes per entry, the hash of its superclass's internal name, or 0 for none
     * @param functions the program's functions
     * @param lookup reads classes by name
     * @return e.g. {@code Sub.f()I} to the function {@code G.f()I}, in method order
     * @throws InputException if a subclass cannot be read
     */
    static Map<MethodRef, Function> find(List<ClassEntry> entries, int[] superHashes, Collection<Function> functions,
            ClassLookup lookup) throws InputException {
        Map<MethodRef, Function> inherited = new TreeMap<>();
        // The classes reached whose subclasses are yet to be looked for, each with the functions it passes on.
        Map<String, List<Function>> frontier = new HashMap<>();
        Set<MethodRef> reached = new HashSet<>();
        for (Function function : functions) {
            frontier.computeIfAbsent(function.group(), g -> new ArrayList<>()).add(function);
            reached.add(function.method());
        }
        while (!frontier.isEmpty()) {
            Set<Integer> hashes = new HashSet<>();
            frontier.keySet().forEach(name -> hashes.add(ModifiedUtf8.hash(name)));
            Map<String, List<Function>> next = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                ClassEntry entry = entries.get(i);
                if (entry.release() != 0 || !hashes.contains(superHashes[i])) {
                    continue;
                }
                ClassInfo subclass = read(lookup, entry);
                List<Function> passed = subclass == null || subclass.superName() == null ? null
                        : frontier.get(subclass.superName());
                if (passed == null) {
                    continue; // another superclass whose name has the same hash
                }
                for (Function function : passed) {
                    MethodRef method = function.method();
                    MethodRef name = new MethodRef(subclass.name(), method.name(), method.descriptor());
                    // A method of the same name and descriptor, static or not, hides the function from here down.
                    if (subclass.method(method.name(), method.descriptor()) == null && reached.add(name)) {
                        inherited.put(name, function);
                        next.computeIfAbsent(subclass.name(), c -> new ArrayList<>()).add(function);
                    }
                }
            }
            frontier = next;
        }
        return inherited;
    }

    private static ClassInfo read(ClassLookup lookup, ClassEntry entry) throws InputException {
        try {
            return lookup.find(entry.className());
        } catch (MalformedClassException e) {
            throw new InputException(entry.location() + ": malformed class file: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new InputException(entry.location() + ": corrupt entry: " + Messages.rootCause(e), e);
        }
    }
}
