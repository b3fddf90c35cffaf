package dev.patchsite.linker.explain;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.Notice;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.Vocabulary;
import dev.patchsite.linker.Vocabulary.Setting;
import dev.patchsite.linker.link.ArtifactLinkRequest;
import dev.patchsite.linker.link.ArtifactLinkResult;
import dev.patchsite.linker.link.ArtifactLinker;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.link.Linker;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        Map<String, Explainer.Selected> selected = select(request, probeTimeout);
        selected.forEach((group, selection) -> request.log().info(group + " -> " + selection.variant() + " ("
                + selection.reason() + ")"));
        return Linker.link(request.withSelections(variants(selected)));
    }

    /**
     * Selects by the probes, then links as a build tool does ({@link ArtifactLinker}): the probes run on the jar the
     * link reads (the kept unlinked jar of an earlier in-place link, never a linked one), and the selections they
     * make are part of the configuration, so the link is skipped only when they are the last link's.
     *
     * @param request the build's link, in {@code static} mode; its selections win over the probes
     * @param probeTimeout how long each probe may run
     * @return what happened, as {@link ArtifactLinker#link} says it, after a notice of each group's selection
     * @throws PatchsiteException as {@link Explainer#selections} and {@link ArtifactLinker#link} do; a
     *     {@link LinkException} if the request is not in {@code static} mode
     */
    public static ArtifactLinkResult link(ArtifactLinkRequest request, Duration probeTimeout)
            throws PatchsiteException {
        LinkRequest link = request.link();
        Map<String, Explainer.Selected> selected = select(link.withInputs(List.of(ArtifactLinker.sourceOf(request))),
                probeTimeout);
        ArtifactLinkResult result = ArtifactLinker.link(new ArtifactLinkRequest(link.withSelections(
                variants(selected)), request.state(), request.tool(), request.base(), request.rebuildCommand(),
                request.unlinked()));
        // A build shows what the probes selected, which the jar then runs wherever it goes.
        List<Notice> notices = new ArrayList<>();
        selected.forEach((group, selection) -> notices.add(new Notice(Notice.Level.INFO, "patchsite: selected "
                + group + " -> " + selection.variant() + " (" + selection.reason() + ")")));
        notices.addAll(result.notices());
        return new ArtifactLinkResult(result.status(), result.table(), notices);
    }

    private static Map<String, String> variants(Map<String, Explainer.Selected> selected) {
        Map<String, String> variants = new TreeMap<>();
        selected.forEach((group, selection) -> variants.put(group, selection.variant()));
        return variants;
    }

    /** Returns each group's selection: the request's, else the probes'. */
    private static Map<String, Explainer.Selected> select(LinkRequest request, Duration probeTimeout)
            throws PatchsiteException {
        if (request.mode() != LinkMode.STATIC) {
            Vocabulary words = request.log().vocabulary();
            throw new LinkException(words.name(Setting.SELECT_BY_PROBES) + " fixes the selections at link time: it"
                    + " needs " + words.setting(Setting.MODE, LinkMode.STATIC.label()) + ", not "
                    + words.setting(Setting.MODE, request.mode().label()));
        }
        ProgramFiles program = new ProgramFiles(request.inputs(), request.classpath(), request.declarations());
        Map<String, Explainer.Selected> selected = new TreeMap<>(Explainer.selections(program,
                new ScanSettings(request.threads(), request.log()), request.selections(), probeTimeout));
        // A selection the request gives is applied as the property would be, but it is not the property: say which.
        request.selections().forEach((group, variant) -> selected.computeIfPresent(group, (g, selection) ->
                new Explainer.Selected(selection.variant(), "given: " + request.log().vocabulary().setting(
                        Setting.SELECT, group + "=" + variant))));
        return selected;
    }
}
