package dev.patchsite.linker.example;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.diff.DiffFormat;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.diff.TableDiff;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.link.Linker;
import dev.patchsite.linker.link.Verifier;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableSummary;
import dev.patchsite.linker.table.TableWriter;
import java.nio.file.Path;

/**
 * The README's "Using patchsite as a library": scans a jar, links it, verifies the linked jar and diffs the tables of
 * two versions of the program, with the core API only. {@code LibraryExampleTest} runs it on the sample and checks
 * that the README shows this code.
 */
public final class LibraryExample {

    private LibraryExample() {
    }

    /**
     * Runs the example.
     *
     * @param args the program's jar, a newer version of it, and where to write the linked jar
     * @throws PatchsiteException if a jar cannot be read or linked, or the linked jar does not verify
     */
    public static void main(String[] args) throws PatchsiteException {
        Path jar = Path.of(args[0]);
        Path newer = Path.of(args[1]);
        Path linked = Path.of(args[2]);
        // tag::library[]
        // Scan: the program's patch-site table, as `patchsite scan` prints it.
        ScanSettings settings = ScanSettings.defaults();      // one thread per processor, no log
        PatchSiteTable table = Scanner.scan(ScanRequest.of(ProgramFiles.of(jar), settings));
        System.out.print(TableWriter.toText(table));

        // Link in boot mode: the runtime's agent binds each site as its class loads. Linker.link returns null if
        // the jar was linked already (it is then copied as it is).
        PatchSiteTable linkedTable = Linker.link(LinkRequest.of(jar, linked).withMode(LinkMode.BOOT));
        System.out.println("linked: " + TableSummary.bindings(linkedTable));

        // Verify: the linked jar is what the linker writes; a ValidationException lists every problem.
        Verifier.verify(linked, ProgramFiles.of(linked), settings);

        // Diff two versions of the program, as CI does against a committed baseline.
        TableDiff diff = TableDiff.compare(table, Scanner.scan(ScanRequest.of(ProgramFiles.of(newer), settings)));
        System.out.print(DiffFormat.TEXT.render(diff, jar.toString(), newer.toString(), FailPolicy.ANY));
        System.out.println(diff.fails(FailPolicy.ANY) ? "the sites changed: " + diff.summary() : "no change");
        // end::library[]
    }
}
