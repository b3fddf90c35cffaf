package dev.patchsite.linker.diff;

/**
 * Renders a diff for a terminal or a CI log: a first line naming the tables, then one section per function (the
 * function's own line, then its sites' lines) and per group (its variants' lines), each record shown as its exact
 * table line prefixed with {@code + } (added), {@code - } (removed) or {@code ~ } (changed: the old line, then the new
 * one on a line of its own after {@code   -> }), then a summary line and, if the policy fails, a {@code FAILED} line.
 * For example:
 *
 * <pre>
 * patchsite diff: baseline.table -&gt; target/patchsite.table
 *
 * function com.example.SpinLock.slowpath(Lcom/example/QLock;I)V
 * + site com.example.SpinLock.slowpath(Lcom/example/QLock;I)V com.example.App.run()V #0 invoke release=11 line=12 offset=7
 *
 * function com.example.SpinLock.unlock(Lcom/example/QLock;)V
 * ~ site com.example.SpinLock.unlock(Lcom/example/QLock;)V com.example.App.close()V #0 ref line=40 offset=2
 *   -&gt; site com.example.SpinLock.unlock(Lcom/example/QLock;)V com.example.App.close()V #0 invoke line=41 offset=2
 *
 * group com.example.SpinLock
 * ~ variant com.example.SpinLock numa com.example.NumaSpinLock priority=10 implements=slowpath(Lcom/example/QLock;I)V
 *   -&gt; variant com.example.SpinLock numa com.example.NumaSpinLock priority=20 implements=slowpath(Lcom/example/QLock;I)V
 *
 * 1 variant changed, 1 site added, 1 site changed
 * FAILED: 1 site added (--fail-on added)
 * </pre>
 *
 * <p>With no differences the output is the first line and {@code no differences}.
 */
final class TextFormat {

    private TextFormat() {
    }

    static String render(TableDiff diff, DiffReport report) {
        FailPolicy policy = report.policy();
        StringBuilder out = new StringBuilder();
        out.append("patchsite diff: ").append(report.oldName()).append(" -> ").append(report.newName()).append('\n');
        if (diff.isEmpty()) {
            return out.append("no differences\n").toString();
        }
        for (Section section : Section.of(diff)) {
            out.append('\n').append(section.heading()).append('\n');
            for (Difference difference : section.differences()) {
                out.append(difference.delta().sign()).append(' ');
                switch (difference.delta()) {
                    case ADDED -> out.append(difference.newLine()).append('\n');
                    case REMOVED -> out.append(difference.oldLine()).append('\n');
                    case CHANGED -> out.append(difference.oldLine()).append("\n  -> ")
                            .append(difference.newLine()).append('\n');
                }
            }
        }
        out.append('\n').append(diff.summary()).append('\n');
        if (diff.fails(policy)) {
            out.append("FAILED: ").append(policy.reason(diff)).append(" (").append(report.policySetting())
                    .append(")\n");
        }
        return out.toString();
    }
}
