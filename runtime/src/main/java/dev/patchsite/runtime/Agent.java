package dev.patchsite.runtime;

import java.lang.instrument.Instrumentation;

/**
 * The boot agent: patches the sites of classes linked in {@code boot} mode as they load. Started by
 * {@code -javaagent:patchsite-runtime.jar}, or by the {@code Launcher-Agent-Class} attribute the linker writes into
 * an executable jar's manifest, so that a plain {@code java -jar} gets it. Without it every call goes through its
 * function's trampoline: same behaviour, one inlined frame more.
 */
public final class Agent {

    private static boolean installed;

    private Agent() {
    }

    /**
     * Entry point for {@code -javaagent}.
     *
     * @param arguments ignored
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        install(instrumentation);
    }

    /**
     * Entry point for {@code Launcher-Agent-Class}.
     *
     * @param arguments ignored
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(instrumentation);
    }

    private static synchronized void install(Instrumentation instrumentation) {
        if (!installed) {
            installed = true;
            instrumentation.addTransformer(new SitePatcher(), false);
        }
    }
}
