package dev.patchsite.linker.internal.declarations;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.Variant;
import java.util.List;
import java.util.Map;

/**
 * The functions and variants of a program, with what is wrong with them.
 *
 * @param functions the valid functions
 * @param variants the variants whose group declares functions
 * @param variantClasses the variant classes by variant
 * @param groupClasses the group classes by internal name
 * @param problems validation errors, sorted; the program is not linked while there are any
 * @param warnings things that are probably mistakes, sorted
 */
public record Declarations(List<Function> functions, List<Variant> variants, Map<Variant, ClassInfo> variantClasses,
        Map<String, ClassInfo> groupClasses, List<String> problems, List<String> warnings) {
}
