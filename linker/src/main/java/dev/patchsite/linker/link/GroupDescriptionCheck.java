package dev.patchsite.linker.link;

import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.internal.zip.ZipArchive;
import dev.patchsite.runtime.GroupInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that every group description a linked jar carries ({@code META-INF/patchsite/groups/*.group}, what the
 * runtime selects from at boot) parses and agrees with the jar's table: its group is a group of the table, each of
 * its functions is a function of that group with the same flags, and each of its variants is a variant of that group
 * with the same class, priority, probe and implemented functions. A tampered description could otherwise make the
 * runtime bind a site to any class (a group naming {@code java.lang.Runtime} as a variant).
 */
final class GroupDescriptionCheck {

    private static final String SUFFIX = ".group";

    private GroupDescriptionCheck() {
    }

    /**
     * Returns what is wrong with a jar's group descriptions, one line each, naming the jar and entry.
     *
     * @param jar the jar's path, for messages
     * @param zip the jar
     * @param loaded where the jar keeps what its program's class loader loads: empty, or the class directory of a
     *     Spring Boot or web archive ({@code BOOT-INF/classes/})
     * @param table the jar's embedded table
     * @return the problems, empty if none
     * @throws IOException if an entry cannot be read
     */
    static List<String> problems(Path jar, ZipArchive zip, String loaded, PatchSiteTable table) throws IOException {
        Map<String, GroupInfo> expected = GroupDescriptions.of(table);
        List<String> problems = new ArrayList<>();
        for (int entry = 0; entry < zip.size(); entry++) {
            String name = zip.name(entry);
            if (!name.startsWith(loaded + GroupInfo.DIRECTORY) || !name.endsWith(SUFFIX)) {
                continue;
            }
            String group = name.substring(loaded.length() + GroupInfo.DIRECTORY.length(),
                    name.length() - SUFFIX.length());
            String where = jar + "!/" + name + ": ";
            GroupInfo described;
            try (InputStream in = zip.open(entry)) {
                described = GroupInfo.parse(group, in);
            } catch (IllegalStateException e) {
                problems.add(where + "not a group description: " + e.getMessage());
                continue;
            }
            GroupInfo listed = expected.get(group);
            if (listed == null) {
                problems.add(where + "describes " + group + ", which is not a group of the table");
                continue;
            }
            compare(described, listed, where, problems);
        }
        return problems;
    }

    private static void compare(GroupInfo described, GroupInfo listed, String where, List<String> problems) {
        for (GroupInfo.FunctionInfo function : described.functions()) {
            GroupInfo.FunctionInfo known = listed.function(function.name(), function.descriptor());
            if (known == null) {
                problems.add(where + "function " + function.name() + function.descriptor()
                        + " is not a function of the group in the table");
            } else if (known.updatable() != function.updatable()) {
                problems.add(where + "function " + function.name() + function.descriptor() + " is "
                        + (function.updatable() ? "" : "not ") + "updatable here but "
                        + (known.updatable() ? "" : "not ") + "in the table");
            }
        }
        for (GroupInfo.VariantInfo variant : described.variants()) {
            GroupInfo.VariantInfo known = listed.variant(variant.name());
            if (known == null) {
                problems.add(where + "variant " + variant.name() + " (" + variant.className()
                        + ") is not a variant of the group in the table");
            } else if (!agree(known, variant)) {
                problems.add(where + "variant " + variant.name() + " is " + describe(variant) + " here but "
                        + describe(known) + " in the table");
            }
        }
    }

    private static boolean agree(GroupInfo.VariantInfo a, GroupInfo.VariantInfo b) {
        return describe(a).equals(describe(b));
    }

    private static String describe(GroupInfo.VariantInfo variant) {
        return variant.className() + " priority " + variant.priority() + " when "
                + (variant.when() == null ? "-" : variant.when()) + " implementing "
                + (variant.implemented().isEmpty() ? "-" : String.join(",", variant.implemented()));
    }
}
