package dev.patchsite.linker.check;

import dev.patchsite.linker.DisplayPaths;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Notice;
import dev.patchsite.linker.Notice.Level;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.diff.DiffFormat;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.diff.TableDiff;
import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableReader;
import dev.patchsite.linker.table.TableSummary;
import dev.patchsite.linker.table.TableWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a program's patch-site table to its baseline, creating or updating it atomically, and says what changed; the
 * file is left untouched when it already holds the same text. A baseline records no positions (no {@code line=} or
 * {@code offset=}) unless the request keeps them: they are not compared, and a site that moves would otherwise churn
 * the committed file. Committing the baseline accepts the change that {@link BaselineCheck} reported.
 */
public final class BaselineUpdate {

    private BaselineUpdate() {
    }

    /**
     * Writes the baseline.
     *
     * @param request which program, which baseline
     * @return the status before the update (no baseline, matches or differs), the differences and the notices to
     *     show; never a failure
     * @throws PatchsiteException if the program cannot be scanned or the baseline cannot be read or written
     */
    public static CheckResult update(BaselineRequest request) throws PatchsiteException {
        Path baseline = request.baseline();
        String name = DisplayPaths.relative(request.base(), baseline);
        PatchSiteTable table = ScopedTable.read(request.program(), request.settings(), request.scope());
        // Without positions, a call that only moved changes no line of the committed file; the diff logged below
        // still shows where the new build's sites are.
        String text = TableWriter.toText(request.positions() ? table : table.withoutPositions());
        List<Notice> notices = new ArrayList<>();
        String oldText = previousText(baseline, notices);
        PatchSiteTable old = oldText == null ? null : previous(baseline, oldText, notices);
        if (old != null && text.equals(oldText)) {
            notices.add(new Notice(Level.INFO, "patchsite: the baseline " + name + " is up to date"));
            return new CheckResult(CheckResult.Status.MATCHES, TableDiff.compare(old, table), notices, null);
        }
        AtomicOutput.write(baseline, text.getBytes(StandardCharsets.UTF_8));
        if (old == null) {
            notices.add(new Notice(Level.INFO, "patchsite: created the baseline " + name + ": "
                    + TableSummary.counts(table)));
            return new CheckResult(CheckResult.Status.NO_BASELINE, TableDiff.compare(BaselineCheck.EMPTY, table),
                    notices, null);
        }
        TableDiff diff = TableDiff.compare(old, table);
        DiffFormat.TEXT.render(diff, name, DisplayPaths.relative(request.base(), request.program().jars().get(0)),
                FailPolicy.NONE).lines().forEach(line -> notices.add(new Notice(Level.INFO, line)));
        notices.add(new Notice(Level.INFO, "patchsite: updated the baseline " + name + ": " + (diff.isEmpty()
                ? "no differences; rewritten in the current form (" + (request.positions()
                        ? "with this build's positions, without comments" : "without positions, comments")
                        + " or old fields)"
                : diff.summary())));
        return new CheckResult(diff.isEmpty() ? CheckResult.Status.MATCHES : CheckResult.Status.DIFFERS, diff,
                notices, null);
    }

    /**
     * Returns the current baseline's text, read once for both parsing and comparing; null if there is none or it
     * cannot be read (it is about to be replaced).
     */
    private static String previousText(Path baseline, List<Notice> notices) {
        if (!Files.isRegularFile(baseline)) {
            return null;
        }
        try {
            return Files.readString(baseline, StandardCharsets.UTF_8);
        } catch (IOException e) {
            unreadable(InputException.unreadableText(baseline, "patch-site table", e), notices);
            return null;
        }
    }

    /** Returns the current baseline parsed from its text, or null if it is not a table. */
    private static PatchSiteTable previous(Path baseline, String text, List<Notice> notices) {
        try {
            return TableReader.read(new StringReader(text), baseline.toString());
        } catch (InputException | IOException e) {
            unreadable(e, notices);
            return null;
        }
    }

    private static void unreadable(Exception e, List<Notice> notices) {
        notices.add(new Notice(Level.WARNING, "patchsite: replacing a baseline that cannot be read: "
                + e.getMessage()));
    }
}
