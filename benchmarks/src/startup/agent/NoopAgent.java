/** A Java agent that does nothing: what the JDK charges for any agent, in startup-bench.sh. */
public final class NoopAgent {

    private NoopAgent() {
    }

    /**
     * Does nothing.
     *
     * @param arguments ignored
     */
    public static void premain(String arguments) {
    }
}
