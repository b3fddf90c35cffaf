package dev.patchsite.linker.explain;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.link.Linker;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code link --mode static --select-by-probes}: links a program in {@code static} mode with, for each group the
 * request does not select, the variant its probes select on this machine, as {@code explain} evaluates them (in a
 * child JVM, each probe with a time limit). Built on the machine it will run on (a container image built on its
 * target), the program then runs what a {@code boot} link would have selected there, with no agent, no runtime and
 * no class changed as it loads: every class stays cacheable by the JDK's AOT cache. The selection is fixed: a
 * machine that differs gets the selection of the machine that linked.
 */
public final class ProbedLink {

    private ProbedLink() {
    }

    /**
     * Selects by the probes, then links.
     *
     * @param request the link, in {@code static} mode; its selections win over the probes (as {@code --select} and
     *     {@code -Dpatchsite.select.<group>} given to {@code explain} do)
     * @param probeTimeout how long each probe may run
     * @return the linked program's table, as {@link Linker#link} returns it
     * @throws PatchsiteException as {@link Explainer#selections} and {@link Linker#link} do; a {@link LinkException}
     *     if the request is not in {@code static} mode
     */
    public static PatchSiteTable link(LinkRequest request, Duration probeTimeout) throws PatchsiteException {
        if (request.mode() != LinkMode.STATIC) {
            throw new LinkException("--select-by-probes fixes the selections at link time: it needs --mode static,"
                    + " not --mode " + request.mode().label());
        }
        ProgramFiles program = new ProgramFiles(request.inputs(), request.classpath(), request.declarations());
        Map<String, Explainer.Selected> selected = Explainer.selections(program,
                new ScanSettings(request.threads(), request.log()), request.selections(), probeTimeout);
        Map<String, String> selections = new TreeMap<>();
        selected.forEach((group, selection) -> {
            selections.put(group, selection.variant());
            request.log().info(group + " -> " + selection.variant() + " (" + selection.reason() + ")");
        });
        return Linker.link(request.withSelections(selections));
    }
}
