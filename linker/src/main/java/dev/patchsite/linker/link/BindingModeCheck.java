package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that each binding of the sites in a jar is one its table's mode can make: {@code patch} only in boot mode,
 * {@code indy} only in indy mode, {@code direct} and {@code out} only in static mode; a super-call's {@code default} and a
 * {@code trampoline} in every mode. A table that says {@code linked static} over {@code patch} bindings would have
 * the bytecode checked against the wrong mode.
 */
final class BindingModeCheck {

    private static final Map<LinkMode, Set<Binding.Kind>> POSSIBLE = Map.of(
            LinkMode.BOOT, EnumSet.of(Binding.Kind.PATCH, Binding.Kind.DEFAULT, Binding.Kind.TRAMPOLINE),
            LinkMode.INDY, EnumSet.of(Binding.Kind.INDY, Binding.Kind.DEFAULT, Binding.Kind.TRAMPOLINE),
            LinkMode.STATIC, EnumSet.of(Binding.Kind.DIRECT, Binding.Kind.OUT, Binding.Kind.DEFAULT,
                    Binding.Kind.TRAMPOLINE));

    private BindingModeCheck() {
    }

    /**
     * Returns the sites whose binding the table's mode cannot make, one line each, naming the jar.
     *
     * @param jar the jar's path, for messages
     * @param table the jar's embedded table, with a {@code linked} line
     * @param classes the classes of the jar, as {@code release/internal name}: only their sites are checked (a
     *     jar linked separately may list sites of others)
     * @return the problems, empty if none
     */
    static List<String> problems(Path jar, PatchSiteTable table, Set<String> classes) {
        Set<Binding.Kind> possible = POSSIBLE.get(table.linkedMode());
        List<String> problems = new ArrayList<>();
        for (Site site : table.sites()) {
            if (site.binding() != null && !possible.contains(site.binding().kind())
                    && classes.contains(site.release() + "/" + site.caller().owner())) {
                problems.add(jar + ": " + TableWriter.siteLine(site).substring("site ".length()) + ": bound "
                        + site.binding().label() + ", which " + table.linkedMode().label() + " mode never binds");
            }
        }
        return problems;
    }
}
