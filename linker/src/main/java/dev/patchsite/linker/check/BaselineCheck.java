package dev.patchsite.linker.check;

import dev.patchsite.linker.DisplayPaths;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Notice;
import dev.patchsite.linker.Notice.Level;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.Vocabulary;
import dev.patchsite.linker.Vocabulary.Setting;
import dev.patchsite.linker.diff.DiffReport;
import dev.patchsite.linker.diff.SourceRoots;
import dev.patchsite.linker.diff.DiffFormat;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.diff.TableDiff;
import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.internal.output.OutputPaths;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableReader;
import dev.patchsite.linker.table.TableWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a program's patch-site table against a committed baseline: writes the table, a Markdown report of the
 * differences and, if asked, a SARIF one whose results are on the files and lines of the sources, and decides, by the fail policy, whether the differences fail the check. A site that only moved to
 * another line is no difference. A missing baseline fails the check unless the policy is {@code none}. What a build
 * tool's check step runs, then shows the result's notices and fails the build on its failure.
 */
public final class BaselineCheck {

    /** The table of a program without functions: what a missing baseline is compared as. */
    static final PatchSiteTable EMPTY = new PatchSiteTable(List.of(), List.of(), List.of());

    private BaselineCheck() {
    }

    /**
     * Runs the check.
     *
     * @param request what to check
     * @return the status, the differences, the notices to show and the failure, if any
     * @throws InputException if the baseline is one of the files the check writes, or a file cannot be read or written
     * @throws PatchsiteException if the program cannot be scanned
     */
    public static CheckResult check(CheckRequest request) throws PatchsiteException {
        refuseOutputsOverBaseline(request.baseline(), request.tableFile(), request.reportFile());
        if (request.sarifFile() != null) {
            refuseOutputsOverBaseline(request.baseline(), request.sarifFile());
        }
        String baselineName = DisplayPaths.relative(request.base(), request.baseline());
        String tableName = DisplayPaths.relative(request.base(), request.tableFile());
        boolean missing = !Files.isRegularFile(request.baseline());
        FailPolicy policy = request.failOn();
        PatchSiteTable table = ScopedTable.read(request.program(), request.settings(), request.scope());
        AtomicOutput.write(request.tableFile(), TableWriter.toText(table).getBytes(StandardCharsets.UTF_8));
        TableDiff diff = TableDiff.compare(missing ? EMPTY : TableReader.read(request.baseline()), table);
        // The report and the lines logged name the policy as the front-end's user set it.
        Vocabulary words = request.settings().log().vocabulary();
        DiffReport names = new DiffReport(baselineName, tableName, policy, SourceRoots.NONE, words);
        AtomicOutput.write(request.reportFile(), DiffFormat.MARKDOWN.render(diff, names)
                .getBytes(StandardCharsets.UTF_8));
        if (request.sarifFile() != null) {
            // Code scanning names files from the checkout; the base is where the build runs, which is that.
            DiffReport located = new DiffReport(baselineName, tableName, policy,
                    SourceRoots.of(request.sourceRoots(), request.base()), words);
            AtomicOutput.write(request.sarifFile(), DiffFormat.SARIF.render(diff, located)
                    .getBytes(StandardCharsets.UTF_8));
        }
        CheckResult.Status status = missing ? CheckResult.Status.NO_BASELINE
                : diff.isEmpty() ? CheckResult.Status.MATCHES : CheckResult.Status.DIFFERS;
        String report = " (report: " + DisplayPaths.relative(request.base(), request.reportFile()) + ")";
        String command = request.acceptCommand();
        List<Notice> notices = new ArrayList<>();
        if (missing && policy == FailPolicy.NONE) {
            notices.add(new Notice(Level.WARNING, "patchsite: no baseline " + baselineName + " ("
                    + words.setting(Setting.FAIL_ON, policy.label()) + "); to"
                    + " create it, run: " + command));
            return new CheckResult(status, diff, notices, null);
        }
        if (!missing && !diff.fails(policy)) {
            notices.add(new Notice(Level.INFO, "patchsite: the patch sites match the baseline " + baselineName + ": "
                    + diff.summary()
                    + (diff.isEmpty() ? "" : " (" + words.setting(Setting.FAIL_ON, policy.label()) + ")" + report)));
            return new CheckResult(status, diff, notices, null);
        }
        if (!missing) {
            DiffFormat.TEXT.render(diff, names).lines()
                    .forEach(line -> notices.add(new Notice(Level.ERROR, line)));
        }
        String problem = missing ? "there is no baseline " + baselineName + " to check the patch sites against"
                : "the patch sites changed against the baseline " + baselineName + ": " + diff.summary();
        String accept = missing ? "to create it" : "to accept the change";
        notices.add(new Notice(Level.ERROR, "patchsite: " + problem + report));
        notices.add(new Notice(Level.ERROR, Character.toUpperCase(accept.charAt(0)) + accept.substring(1)
                + ", run: " + command));
        notices.add(new Notice(Level.ERROR, "and commit " + baselineName));
        return new CheckResult(status, diff, notices, problem + "; " + accept + ", run: " + command + " and commit "
                + baselineName);
    }

    /**
     * Refuses a baseline that is one of the files the check writes: the table written over it would then always
     * match.
     */
    static void refuseOutputsOverBaseline(Path baseline, Path... outputs) throws InputException {
        for (Path output : outputs) {
            String conflict = OutputPaths.conflict(output, List.of(baseline));
            if (conflict != null) {
                throw new InputException("the baseline: " + conflict + " (the check writes its table and report"
                        + " there: keep the baseline with the sources, e.g. src/patchsite/baseline.table)");
            }
        }
    }
}
