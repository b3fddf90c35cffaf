package startup;

import dev.patchsite.Variant;

/** The variant {@link FastProbe} selects on every machine. */
@Variant(of = Locks.class, name = "fast", when = FastProbe.class, priority = 10)
public final class LocksFast {

    private LocksFast() {
    }

    /** The variant's implementation. */
    public static int spin(int x) {
        return x + 2;
    }
}
