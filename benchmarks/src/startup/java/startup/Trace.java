package startup;

import dev.patchsite.RuntimeStatic;

/** An updatable group: a tracepoint, off. */
public interface Trace {

    /** Off: does nothing. */
    @RuntimeStatic(updatable = true)
    static void hit(int x) {
    }
}
