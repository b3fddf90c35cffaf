package dev.patchsite.linker.internal.declarations;

import dev.patchsite.linker.internal.declarations.ClassInfo.MethodInfo;
import dev.patchsite.linker.internal.declarations.ClassInfo.VariantAnnotation;
import dev.patchsite.linker.internal.declarations.DeclarationFile.DeclaredFunction;
import dev.patchsite.linker.internal.declarations.DeclarationFile.DeclaredVariant;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Turns annotated classes and a declaration file into {@link Declarations}, checking every rule of DESIGN.md. Each
 * problem names the class and method concerned and says the fix.
 */
final class DeclarationValidator {

    private static final Pattern VARIANT_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final ClassLookup lookup;
    private final ProbeCheck probes;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Function> functionsById = new TreeMap<>();
    private final Map<MethodRef, String> whereDeclared = new HashMap<>();
    /** Groups with a function already reported as a problem: their variants are not reported again for it. */
    private final java.util.Set<String> rejectedGroups = new java.util.HashSet<>();

    DeclarationValidator(ClassLookup lookup) {
        this.lookup = lookup;
        this.probes = new ProbeCheck(lookup);
    }

    /**
     * Collects and checks declarations.
     *
     * @param annotated the classes that carry patchsite annotations, in any order
     * @param file the declaration file's contents
     * @return the declarations, with their problems
     */
    Declarations validate(List<ClassInfo> annotated, DeclarationFile file) {
        List<ClassInfo> classes = new ArrayList<>(annotated);
        classes.sort(Comparator.comparing(ClassInfo::name));
        for (ClassInfo info : classes) {
            collectFunctions(info);
        }
        for (DeclaredFunction declared : file.functions()) {
            declaredFunction(declared);
        }
        List<VariantSource> sources = new ArrayList<>();
        for (ClassInfo info : classes) {
            if (info.variant() != null) {
                sources.add(fromAnnotation(info));
            }
        }
        for (DeclaredVariant declared : file.variants()) {
            VariantSource source = fromFile(declared);
            if (source != null) {
                sources.add(source);
            }
        }
        Map<Variant, ClassInfo> variants = new LinkedHashMap<>();
        Map<String, VariantSource> namesInGroups = new HashMap<>();
        for (VariantSource source : sources) {
            Variant variant = variant(source);
            if (variant == null) {
                continue;
            }
            VariantSource sameName = namesInGroups.putIfAbsent(variant.group() + ' ' + variant.name(), source);
            if (sameName != null) {
                problems.add("group " + binary(variant.group()) + ": variants " + sameName.where + " and "
                        + source.where + " are both named \"" + variant.name()
                        + "\"; give each variant of a group its own name");
            } else {
                variants.put(variant, source.info);
            }
        }
        Map<String, ClassInfo> groups = new TreeMap<>();
        for (Function function : functionsById.values()) {
            ClassInfo group = lookup.find(function.group());
            if (group != null) {
                groups.put(function.group(), group);
            }
        }
        problems.sort(null);
        warnings.sort(null);
        return new Declarations(List.copyOf(functionsById.values()), List.copyOf(variants.keySet()), variants, groups,
                List.copyOf(problems), List.copyOf(warnings));
    }

    private void collectFunctions(ClassInfo info) {
        for (MethodInfo method : info.methods()) {
            if (method.function() == null) {
                continue;
            }
            MethodRef ref = new MethodRef(info.name(), method.name(), method.descriptor());
            if (!method.isStatic()) {
                problems.add(ref + ": @RuntimeStatic method is not static; make it static or remove the annotation");
                rejectedGroups.add(info.name());
            } else if ((method.access() & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) != 0) {
                problems.add(ref + ": @RuntimeStatic method is native; a function needs a body, its default"
                        + " implementation (declare native methods in a declaration file instead)");
                rejectedGroups.add(info.name());
            } else {
                addFunction(function(info, method), ref.toString());
            }
        }
    }

    /** Returns the function an annotated static method declares. */
    static Function function(ClassInfo info, MethodInfo method) {
        MethodRef ref = new MethodRef(info.name(), method.name(), method.descriptor());
        String id = method.function().id().isEmpty() ? ref.toString() : method.function().id();
        return new Function(id, ref, method.function().updatable(), false);
    }

    /** Returns the functions a class declares by annotation, leaving out the ones validation will reject. */
    static List<Function> annotatedFunctions(ClassInfo info) {
        List<Function> functions = new ArrayList<>();
        for (MethodInfo method : info.methods()) {
            if (method.function() != null && method.isStatic()
                    && (method.access() & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0) {
                functions.add(function(info, method));
            }
        }
        return functions;
    }

    private void declaredFunction(DeclaredFunction declared) {
        MethodRef ref = declared.method();
        String where = declared.where() + ": function " + ref;
        if (whereDeclared.containsKey(ref)) {
            boolean annotated = functionsById.values().stream()
                    .anyMatch(f -> f.method().equals(ref) && !f.declared());
            if (annotated) {
                warnings.add(where + " is also annotated @RuntimeStatic; the annotation is used");
            } else {
                problems.add(where + " is already declared at " + whereDeclared.get(ref) + "; declare it once");
            }
            return;
        }
        rejectedGroups.add(ref.owner());
        ClassInfo owner = lookup.find(ref.owner());
        if (owner == null) {
            problems.add(where + ": class " + ref.ownerBinaryName() + " is not in the inputs or the JDK; check the"
                    + " name, or add the jar that holds it to the inputs");
            return;
        }
        MethodInfo method = owner.method(ref.name(), ref.descriptor());
        if (method == null) {
            problems.add(where + ": " + ref.ownerBinaryName() + " has no method " + ref.nameAndDescriptor()
                    + didYouMean(owner.methodsNamed(ref.name())));
        } else if (!method.isStatic()) {
            problems.add(where + ": the method is not static; only static methods can be runtime-static functions");
        } else {
            rejectedGroups.remove(ref.owner());
            addFunction(new Function(declared.id() == null ? ref.toString() : declared.id(), ref, declared.updatable(),
                    true), declared.where());
        }
    }

    private void addFunction(Function function, String where) {
        Function other = functionsById.putIfAbsent(function.id(), function);
        if (other != null) {
            problems.add("function id \"" + function.id() + "\" is used by both " + other.method() + " and "
                    + function.method() + "; give each function its own id");
        } else {
            whereDeclared.put(function.method(), where);
        }
    }

    private VariantSource fromAnnotation(ClassInfo info) {
        VariantAnnotation annotation = info.variant();
        return new VariantSource(info, annotation.of(), annotation.name(), annotation.when(), annotation.priority(),
                info.binaryName());
    }

    private VariantSource fromFile(DeclaredVariant declared) {
        ClassInfo info = lookup.find(declared.className());
        if (info == null) {
            problems.add(declared.where() + ": variant " + declared.name() + ": class " + binary(declared.className())
                    + " is not in the inputs; check the name, or add the jar that holds it to the inputs");
            return null;
        }
        return new VariantSource(info, declared.group(), declared.name(), declared.when(), declared.priority(),
                declared.where() + ": " + info.binaryName());
    }

    private Variant variant(VariantSource source) {
        String label = "variant " + source.name + " (" + source.where + ")";
        if (source.group == null) {
            problems.add(label + ": @Variant has no of = ...; name the group class");
            return null;
        }
        if (!VARIANT_NAME.matcher(source.name).matches()) {
            problems.add("variant \"" + source.name + "\" (" + source.where + "): a variant name must not be empty"
                    + " and may hold only letters, digits, '_', '-' and '.'; rename it");
            return null;
        }
        if (source.info.name().equals(source.group)) {
            problems.add(label + ": a group cannot be its own variant; move the variant's methods to a class of"
                    + " their own");
            return null;
        }
        List<Function> groupFunctions = functionsById.values().stream()
                .filter(f -> f.group().equals(source.group)).toList();
        if (groupFunctions.isEmpty()) {
            if (!rejectedGroups.contains(source.group)) {
                problems.add(label + ": group " + binary(source.group) + " declares no function; annotate its"
                        + " functions with @RuntimeStatic or add function lines for them to a declaration file");
            }
            return null;
        }
        int problemsBefore = problems.size();
        List<String> implemented = new ArrayList<>();
        for (Function function : groupFunctions) {
            MethodInfo method = source.info.method(function.method().name(), function.method().descriptor());
            if (method == null) {
                continue;
            }
            if (!method.isStatic()) {
                problems.add(label + ": " + method.name() + method.descriptor() + " implements function "
                        + function.method() + " but is not static; make it static");
                continue;
            }
            checkAccess(label, source.info, method, function);
            implemented.add(function.id());
        }
        checkNearMisses(label, source.info, groupFunctions);
        if (source.when != null) {
            String problem = probes.check(source.when);
            if (problem != null) {
                problems.add(label + ": when = " + binary(source.when) + " " + problem);
            }
        }
        if (implemented.isEmpty() && problems.size() == problemsBefore) {
            warnings.add(label + " implements no function of " + binary(source.group)
                    + "; every function keeps its default when it is selected");
        }
        implemented.sort(null);
        return new Variant(source.group, source.name, source.info.name(), source.priority, source.when, implemented);
    }

    private void checkNearMisses(String label, ClassInfo variant, List<Function> groupFunctions) {
        for (MethodInfo method : variant.methods()) {
            List<Function> sameName = groupFunctions.stream()
                    .filter(f -> f.method().name().equals(method.name())).toList();
            // An overload beside a method that does implement the function is a helper, not a mistake.
            boolean matches = variant.methodsNamed(method.name()).stream().anyMatch(m -> sameName.stream()
                    .anyMatch(f -> f.method().descriptor().equals(m.descriptor())));
            if (!sameName.isEmpty() && !matches) {
                Function function = sameName.get(0);
                problems.add(label + ": " + method.name() + method.descriptor() + " does not match function "
                        + function.method() + "; did you mean " + javaSignature(function) + "?");
            }
        }
    }

    private void checkAccess(String label, ClassInfo variant, MethodInfo method, Function function) {
        ClassInfo group = lookup.find(function.group());
        MethodInfo groupMethod = group == null ? null : group.method(function.method().name(),
                function.method().descriptor());
        if (groupMethod == null) {
            return;
        }
        Access needed = Access.effective(group, groupMethod);
        String neededPackage = group.packageName();
        if (!Access.of(variant.access()).covers(needed, variant.packageName(), neededPackage)) {
            problems.add(label + ": the class is " + Access.of(variant.access()).word() + " but function "
                    + function.method() + " is " + needed.word() + access(needed, group, variant)
                    + "; make the class public");
        } else if (!Access.of(method.access()).covers(needed, variant.packageName(), neededPackage)) {
            problems.add(label + ": " + method.name() + method.descriptor() + " is "
                    + Access.of(method.access()).word() + " but function " + function.method() + " is "
                    + needed.word() + access(needed, group, variant) + "; make it public");
        }
    }

    private static String access(Access needed, ClassInfo group, ClassInfo variant) {
        return needed != Access.PUBLIC && !group.packageName().equals(variant.packageName())
                ? " in package " + binary(group.packageName()) : "";
    }

    private static String didYouMean(List<MethodInfo> candidates) {
        if (candidates.isEmpty()) {
            return "";
        }
        StringJoiner names = new StringJoiner(" or ", "; did you mean ", "?");
        candidates.forEach(m -> names.add(m.name() + m.descriptor()));
        return names.toString();
    }

    /** Renders a function as Java source would declare it, e.g. {@code public static void slowpath(a.QLock, int)}. */
    static String javaSignature(Function function) {
        Type type = Type.getMethodType(function.method().descriptor());
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (Type argument : type.getArgumentTypes()) {
            parameters.add(argument.getClassName());
        }
        return "public static " + type.getReturnType().getClassName() + " " + function.method().name() + parameters;
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    /** A variant as found in an annotation or a declaration file. */
    private record VariantSource(ClassInfo info, String group, String name, String when, int priority, String where) {
    }
}
