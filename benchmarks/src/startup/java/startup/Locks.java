package startup;

import dev.patchsite.RuntimeStatic;

/** A group whose variant a probe selects at boot: what start-up binds first. */
public final class Locks {

    private Locks() {
    }

    /** The default: the program's own code. */
    @RuntimeStatic
    public static int spin(int x) {
        return x + 1;
    }
}
