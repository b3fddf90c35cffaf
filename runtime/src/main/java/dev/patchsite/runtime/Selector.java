package dev.patchsite.runtime;

import dev.patchsite.runtime.GroupInfo.VariantInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Selects a group's variant, the first rule that applies: a programmatic {@code PatchSite.select}; the system
 * property {@code patchsite.select.<group>}; the highest-priority variant whose probe holds (ties by name); the
 * default. A probe that throws counts as false and is reported. Public for the linker's {@code explain}; not an API
 * for programs.
 */
public final class Selector {

    /** The reason of a selection made by the property: this, then the property's name. */
    public static final String BY_PROPERTY = "selected by -D";

    /** The prefix of the system properties that select a group's variant. */
    public static final String PROPERTY_PREFIX = "patchsite.select.";

    /**
     * The order in which probes are tried: highest priority first, ties by name. Public so that the linker's
     * {@code explain} lists variants in the order the runtime tries them.
     */
    public static final Comparator<VariantInfo> PRECEDENCE = new Comparator<VariantInfo>() {
        @Override
        public int compare(VariantInfo a, VariantInfo b) {
            int byPriority = Integer.compare(b.priority(), a.priority());
            return byPriority != 0 ? byPriority : a.name().compareTo(b.name());
        }
    };

    private Selector() {
    }

    /**
     * Selects a variant.
     *
     * @param group the group
     * @param loader the loader that sees the group's probes
     * @param programmatic the variant named by {@code PatchSite.select}, or null
     * @param property the value of {@code patchsite.select.<group>}, or null
     * @return the selection
     * @throws IllegalArgumentException if an explicit name is not a variant of the group; the message lists the
     *     known names
     */
    public static Selection select(GroupInfo group, ClassLoader loader, String programmatic, String property) {
        if (programmatic != null) {
            return explicit(group, programmatic, "selected by PatchSite.select");
        }
        if (property != null) {
            return explicit(group, property.trim(), BY_PROPERTY + PROPERTY_PREFIX + group.name());
        }
        List<VariantInfo> candidates = new ArrayList<VariantInfo>(group.variants());
        Collections.sort(candidates, PRECEDENCE);
        List<String> probes = new ArrayList<String>();
        for (VariantInfo variant : candidates) {
            if (variant.when() == null) {
                continue;
            }
            String outcome = evaluate(variant.when(), loader);
            probes.add(variant.name() + ": " + variant.when() + " " + outcome);
            if (outcome.equals("true")) {
                return new Selection(variant.name(), "probe " + variant.when() + " holds (priority "
                        + variant.priority() + ")", probes);
            }
        }
        String reason = probes.isEmpty() ? "no variant has a probe" : "no probe holds";
        for (String probe : probes) {
            if (probe.contains("(threw ")) {
                reason += "; " + probe;
            }
        }
        return new Selection(Selection.DEFAULT, reason, probes);
    }

    /**
     * Checks an explicit name against a group.
     *
     * @param group the group
     * @param name the name, {@code default} or a variant's
     * @param source where the name came from, for the message
     * @return the selection
     * @throws IllegalArgumentException if the name is unknown
     */
    static Selection explicit(GroupInfo group, String name, String source) {
        if (!name.equals(Selection.DEFAULT) && group.variant(name) == null) {
            throw new IllegalArgumentException("patchsite: unknown variant \"" + name + "\" of group " + group.name()
                    + " (" + source + "); known variants: " + group.knownNames());
        }
        return new Selection(name, source, Collections.<String>emptyList());
    }

    /** Returns "true", "false", or "false (threw ...)" for a probe. */
    private static String evaluate(String probe, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(probe, true, loader);
            Object instance = type.getConstructor().newInstance();
            return ((BooleanSupplier) instance).getAsBoolean() ? "true" : "false";
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null
                    ? e.getCause() : e;
            return "false (threw " + cause + ")";
        }
    }
}
