package dev.patchsite.linker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownFormatTest {

    private static final String BODY = """
            ### patchsite: patch-site table changes

            Changes from `baseline.table` to `target/patchsite.table`.

            | | added | removed | changed |
            | --- | ---: | ---: | ---: |
            | functions | 1 | 0 | 0 |
            | variants | 0 | 0 | 1 |
            | sites | 2 | 1 | 1 |

            #### function `com.example.SpinLock.slowpath(Lcom/example/QLock;I)V`

            ```diff
            + site com.example.SpinLock.slowpath(Lcom/example/QLock;I)V com.example.App.run()V #0 invoke release=11 line=12 offset=7
            ```

            #### function `com.example.SpinLock.unlock(Lcom/example/QLock;)V`

            ```diff
            - site com.example.SpinLock.unlock(Lcom/example/QLock;)V com.example.App.close()V #0 ref line=40 offset=2
            + site com.example.SpinLock.unlock(Lcom/example/QLock;)V com.example.App.close()V #0 invoke line=41 offset=2
            - site com.example.SpinLock.unlock(Lcom/example/QLock;)V com.example.NumaSpinLock.unlock(Lcom/example/QLock;)V #0 invoke super line=44 offset=5
            ```

            #### function `com.example.Trace.hit(I)V`

            ```diff
            + function com.example.Trace.hit(I)V updatable
            + site com.example.Trace.hit(I)V com.example.App.run()V #0 invoke line=13 offset=12
            ```

            #### group `com.example.SpinLock`

            ```diff
            - variant com.example.SpinLock numa com.example.NumaSpinLock priority=10 when=com.example.NumaProbe implements=slowpath(Lcom/example/QLock;I)V,unlock(Lcom/example/QLock;)V
            + variant com.example.SpinLock numa com.example.NumaSpinLock priority=20 when=com.example.NumaProbe implements=slowpath(Lcom/example/QLock;I)V,unlock(Lcom/example/QLock;)V
            ```
            """;

    private static String render(TableDiff diff, FailPolicy policy) {
        return DiffFormat.MARKDOWN.render(diff, "baseline.table", "target/patchsite.table", policy);
    }

    @Test
    void rendersEveryDifferenceAndWhyItFails() {
        assertEquals(BODY + "\n**Failed** (`--fail-on added`): 1 function added, 2 sites added.\n",
                render(Tables.diff(), FailPolicy.ADDED));
    }

    @Test
    void aPolicyThatDoesNotFailAddsNoFailedLine() {
        assertEquals(BODY, render(Tables.diff(), FailPolicy.NONE));
    }

    @Test
    void noDifferences() {
        assertEquals("""
                ### patchsite: patch-site table changes

                No patch-site changes.
                """, render(TableDiff.compare(Tables.OLD, Tables.OLD), FailPolicy.ANY));
    }

    @Test
    void codeSpansSurviveBackticks() {
        assertEquals("`a.table`", MarkdownFormat.code("a.table"));
        assertEquals("``a`b``", MarkdownFormat.code("a`b"));
        assertEquals("``` ``x ```", MarkdownFormat.code("``x"));
    }
}
