package dev.patchsite.linker.diff;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Describes one difference in a sentence, for the formats that show one message per difference (GitHub annotations,
 * SARIF results): an added or removed record in full, a changed one by what changed, e.g.
 * {@code com.example.SpinLock variant numa: priority 10 -> 20}.
 */
final class Descriptions {

    private Descriptions() {
    }

    /** Returns the sentence that describes a difference. */
    static String message(Difference difference, TableDiff diff) {
        return switch (difference.delta()) {
            case ADDED -> describe(difference.newValue(), diff.newFunctions());
            case REMOVED -> describe(difference.oldValue(), diff.oldFunctions());
            case CHANGED -> describeChange(difference.oldValue(), difference.newValue(), diff);
        };
    }

    /** Describes a whole record, e.g. {@code com.example.Trace.hit(I)V (updatable)}. */
    private static String describe(Object record, Map<String, Function> functions) {
        if (record instanceof Function function) {
            List<String> attributes = new ArrayList<>();
            if (!function.id().equals(function.method().toString())) {
                attributes.add("method " + function.method());
            }
            if (function.updatable()) {
                attributes.add("updatable");
            }
            if (function.declared()) {
                attributes.add("declared");
            }
            return function.id() + (attributes.isEmpty() ? "" : " (" + String.join(", ", attributes) + ")");
        }
        if (record instanceof Variant variant) {
            StringJoiner attributes = new StringJoiner(", ", " (", ")");
            attributes.add("priority " + variant.priority());
            if (variant.when() != null) {
                attributes.add("when " + binary(variant.when()));
            }
            attributes.add("implements " + implemented(variant, functions));
            return variantName(variant) + ": " + binary(variant.className()) + attributes;
        }
        Site site = (Site) record;
        StringJoiner attributes = new StringJoiner(", ", " (", ")");
        attributes.add("#" + site.ordinal()).add(site.kind().label());
        if (site.superCall()) {
            attributes.add("super-call");
        }
        if (site.via() != null) {
            attributes.add("via " + binary(site.via()));
        }
        if (site.line() != 0) {
            attributes.add("line " + site.line());
        }
        return siteName(site) + attributes;
    }

    /** Describes what changed, e.g. {@code com.example.SpinLock variant numa: priority 10 -> 20}. */
    private static String describeChange(Object oldRecord, Object newRecord, TableDiff diff) {
        StringJoiner changes = new StringJoiner("; ");
        if (newRecord instanceof Function b) {
            Function a = (Function) oldRecord;
            change(changes, "method", a.method().toString(), b.method().toString());
            change(changes, "updatable", yesNo(a.updatable()), yesNo(b.updatable()));
            change(changes, "declared", yesNo(a.declared()), yesNo(b.declared()));
            return b.id() + ": " + changes;
        }
        if (newRecord instanceof Variant b) {
            Variant a = (Variant) oldRecord;
            change(changes, "class", binary(a.className()), binary(b.className()));
            change(changes, "priority", String.valueOf(a.priority()), String.valueOf(b.priority()));
            change(changes, "when", a.when() == null ? "none" : binary(a.when()),
                    b.when() == null ? "none" : binary(b.when()));
            change(changes, "implements", implemented(a, diff.oldFunctions()), implemented(b, diff.newFunctions()));
            return variantName(b) + ": " + changes;
        }
        Site a = (Site) oldRecord;
        Site b = (Site) newRecord;
        change(changes, "kind", a.kind().label(), b.kind().label());
        change(changes, "super-call", yesNo(a.superCall()), yesNo(b.superCall()));
        change(changes, "via", a.via() == null ? "none" : binary(a.via()), b.via() == null ? "none" : binary(b.via()));
        return siteName(b) + " (#" + b.ordinal() + "): " + changes;
    }

    private static void change(StringJoiner changes, String attribute, String oldValue, String newValue) {
        if (!oldValue.equals(newValue)) {
            changes.add(attribute + ' ' + oldValue + " -> " + newValue);
        }
    }

    /** Returns e.g. {@code com.example.App.run()V (release 11) calls com.example.SpinLock.slowpath(I)V}. */
    private static String siteName(Site site) {
        return site.caller() + (site.release() == 0 ? "" : " (release " + site.release() + ")")
                + (site.kind() == SiteKind.INVOKE ? " calls " : " references ") + site.functionId();
    }

    private static String variantName(Variant variant) {
        return binary(variant.group()) + " variant " + variant.name();
    }

    /** Lists the implemented functions as a variant's table line does: by name and descriptor when known. */
    private static String implemented(Variant variant, Map<String, Function> functions) {
        if (variant.implemented().isEmpty()) {
            return "nothing";
        }
        StringJoiner names = new StringJoiner(", ");
        for (String id : variant.implemented()) {
            Function function = functions.get(id);
            names.add(function == null ? id : function.method().nameAndDescriptor());
        }
        return names.toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String binary(String internalName) {
        return Objects.requireNonNull(internalName).replace('/', '.');
    }
}
