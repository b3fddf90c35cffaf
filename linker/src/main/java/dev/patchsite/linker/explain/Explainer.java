package dev.patchsite.linker.explain;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.link.GroupDescriptions;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.runtime.GroupInfo;
import dev.patchsite.runtime.Selector;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tells, for each group of a program, which variant this machine would get and why: the override in force, each
 * probe evaluated (with the program's classes, as the runtime would at boot), the priorities. Works on a linked jar
 * (from the group descriptions it carries) and on an unlinked one (from a scan).
 *
 * <p>The probes are the program's code: they run in a child JVM ({@link ProbeProcess}), each with a time limit, never
 * in this one. Nothing else of {@code explain} runs code of the program.
 */
public final class Explainer {

    /** Where a selection that the caller of {@link #explain} gave comes from, in its output. */
    private static final String GIVEN = "the selection given to explain";

    /** The time a probe has to answer unless told otherwise. */
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(10);

    private Explainer() {
    }

    /**
     * Explains the selection of every group of a program.
     *
     * @param program the program: its first jar (linked or not) and its class path and declaration file
     * @param settings the threads and log to scan with
     * @param overrides selections to apply as {@code -Dpatchsite.select.<group>} would, by group binary name; this
     *     JVM's own {@code patchsite.select.*} properties apply to the groups not named
     * @param probeTimeout how long each probe may run before it is reported as not answering
     * @return the explanation, one group after another
     * @throws PatchsiteException if the jar cannot be read, its declarations are invalid, an override names an
     *     unknown variant, or a probe does not answer or ends its JVM
     */
    public static String explain(ProgramFiles program, ScanSettings settings, Map<String, String> overrides,
            Duration probeTimeout) throws PatchsiteException {
        Path jar = program.jars().get(0);
        PatchSiteTable linked = TableSource.linkedTable(jar);
        if (linked != null && linked.linkedMode() == LinkMode.STATIC) {
            return fixedAtLinkTime(linked);
        }
        Map<String, GroupInfo> groups = groups(program, settings);
        if (groups.isEmpty()) {
            return "no group: neither " + jar + " nor its class path declares a function, so nothing is selected\n";
        }
        Map<GroupInfo, String> requests = requests(groups, overrides);
        Map<String, ProbeOutcome> outcomes = ProbeProcess.evaluate(program.all(), requests, probeTimeout);
        StringBuilder out = new StringBuilder();
        List<String> problems = new ArrayList<>();
        requests.forEach((group, override) -> explain(group, override, overrides.containsKey(group.name()),
                outcomes.get(group.name()), out, problems));
        if (!problems.isEmpty()) {
            throw new ValidationException("in the selections", problems);
        }
        return out.toString();
    }

    /**
     * Returns the variant this machine selects for each group of a program, as the runtime would at boot: the
     * override, else the probes, run in a child JVM as {@link #explain} runs them. For {@code link --mode static
     * --select-by-probes}: a program linked with these selections runs, without any runtime, what the linked program
     * would have selected here.
     *
     * @param program the program: its jars (not linked) and its class path and declaration file
     * @param settings the threads and log to scan with
     * @param overrides selections to apply as {@code -Dpatchsite.select.<group>} would, by group binary name; this
     *     JVM's own {@code patchsite.select.*} properties apply to the groups not named
     * @param probeTimeout how long each probe may run
     * @return each group's selection (a variant's name or {@code default}) and why, by group binary name, sorted
     * @throws PatchsiteException as {@link #explain} does
     */
    public static Map<String, Selected> selections(ProgramFiles program, ScanSettings settings,
            Map<String, String> overrides, Duration probeTimeout) throws PatchsiteException {
        Map<GroupInfo, String> requests = requests(groups(program, settings), overrides);
        Map<String, ProbeOutcome> outcomes = ProbeProcess.evaluate(program.all(), requests, probeTimeout);
        Map<String, Selected> selections = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (GroupInfo group : requests.keySet()) {
            ProbeOutcome outcome = outcomes.get(group.name());
            if (outcome.selected() != null) {
                selections.put(group.name(), new Selected(outcome.selected(), outcome.reason()));
            } else {
                explain(group, requests.get(group), overrides.containsKey(group.name()), outcome, new StringBuilder(),
                        problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("in the selections", problems);
        }
        return selections;
    }

    /**
     * A group's selection on this machine.
     *
     * @param variant the variant's name, or {@code default}
     * @param reason why, as the runtime's report says it
     */
    public record Selected(String variant, String reason) {
    }

    /** Returns the groups of a program: those its first jar describes if it is linked, else those a scan finds. */
    private static Map<String, GroupInfo> groups(ProgramFiles program, ScanSettings settings)
            throws PatchsiteException {
        Map<String, GroupInfo> groups = linkedGroups(program.jars().get(0));
        return groups.isEmpty() ? GroupDescriptions.of(Scanner.scan(ScanRequest.of(program, settings))) : groups;
    }

    /** Returns each group with its override: the one given, else this JVM's property, else null. */
    private static Map<GroupInfo, String> requests(Map<String, GroupInfo> groups, Map<String, String> overrides) {
        Map<GroupInfo, String> requests = new LinkedHashMap<>();
        for (GroupInfo group : groups.values()) {
            requests.put(group, overrides.containsKey(group.name()) ? overrides.get(group.name())
                    : System.getProperty(Selector.PROPERTY_PREFIX + group.name()));
        }
        return requests;
    }

    /** A jar linked in static mode runs the selections fixed when it was linked; nothing at run time changes them. */
    private static String fixedAtLinkTime(PatchSiteTable table) {
        StringBuilder out = new StringBuilder();
        new TreeSet<>(table.functions().stream().map(f -> f.method().ownerBinaryName()).toList()).forEach(group -> {
            String variant = table.linkedSelections().getOrDefault(group, "default");
            out.append("group ").append(group).append('\n').append("  selected: ").append(variant)
                    .append(" (fixed when the jar was linked in static mode; -D").append(Selector.PROPERTY_PREFIX)
                    .append(group).append(" has no effect)\n");
        });
        return out.toString();
    }

    private static void explain(GroupInfo group, String override, boolean given, ProbeOutcome outcome,
            StringBuilder out, List<String> problems) {
        String property = Selector.PROPERTY_PREFIX + group.name();
        out.append("group ").append(group.name()).append('\n');
        List<String> functions = new ArrayList<>();
        group.functions().forEach(f -> functions.add(f.name() + f.descriptor() + (f.updatable() ? " (updatable)" : "")));
        out.append("  functions: ").append(String.join(", ", functions)).append('\n');
        List<GroupInfo.VariantInfo> variants = new ArrayList<>(group.variants());
        variants.sort(Selector.PRECEDENCE);
        List<String> described = new ArrayList<>();
        for (GroupInfo.VariantInfo variant : variants) {
            described.add(variant.name() + " (priority " + variant.priority() + ", "
                    + (variant.when() == null ? "only when selected" : "when " + variant.when()) + ")");
        }
        out.append("  variants: ").append(described.isEmpty() ? "none" : String.join(", ", described)).append('\n');
        // An override the caller gave is applied as the property would be, but it is not the property: say which.
        out.append("  override: ").append(override == null ? "none (-D" + property + " is not set)"
                : given ? override + " (" + GIVEN + ", as -D" + property + " would select it)"
                : "-D" + property + "=" + override).append('\n');
        for (String probe : outcome.probes()) {
            out.append("  probe ").append(probe).append('\n');
        }
        if (outcome.selected() != null) {
            String reason = given && outcome.reason().equals(Selector.BY_PROPERTY + property) ? GIVEN
                    : outcome.reason();
            out.append("  selected: ").append(outcome.selected()).append(" (").append(reason).append(")\n");
        } else {
            out.append("  selected: none: ").append(outcome.problem()).append('\n');
            problems.add(outcome.problem().startsWith("patchsite: ") ? outcome.problem()
                    : "group " + group.name() + ": " + outcome.problem());
        }
    }

    /** Returns the group descriptions a linked jar carries, by group name; empty if it carries none. */
    private static Map<String, GroupInfo> linkedGroups(Path jar) throws InputException {
        Map<String, GroupInfo> groups = new TreeMap<>();
        try (ZipArchive zip = Jars.open(jar)) {
            for (int entry = 0; entry < zip.size(); entry++) {
                String name = zip.name(entry);
                if (name.startsWith(GroupInfo.DIRECTORY) && name.endsWith(".group")) {
                    String group = name.substring(GroupInfo.DIRECTORY.length(), name.length() - ".group".length());
                    if (!ProbeProtocol.oneLine(group).equals(group) || group.contains(" ")) {
                        throw new InputException(jar + "!/" + ProbeProtocol.oneLine(name)
                                + ": not a group description: a group name has no spaces or control characters");
                    }
                    try (InputStream in = zip.open(entry)) {
                        groups.put(group, GroupInfo.parse(group, in));
                    } catch (IllegalStateException e) {
                        throw new InputException(jar + "!/" + name + ": not a group description: "
                                + e.getMessage().replaceFirst("^patchsite: ", ""), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException(jar + ": not a readable jar: " + e.getMessage(), e);
        }
        return groups;
    }
}
