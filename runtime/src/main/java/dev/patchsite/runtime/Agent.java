package dev.patchsite.runtime;

import java.lang.instrument.Instrumentation;

/**
 * The boot agent: patches the sites of classes linked in {@code boot} mode as they load. Started by
 * {@code -javaagent:patchsite-runtime.jar}, or by the {@code Launcher-Agent-Class} attribute the linker writes into
 * an executable jar's manifest, so that a plain {@code java -jar} gets it. Without it every call goes through its
 * function's trampoline: same behaviour, one inlined frame more.
 *
 * <p>On the module path ({@code java -javaagent:patchsite-runtime.jar -p ... -m app/...}) with the runtime's module
 * {@code dev.patchsite.runtime} in the boot layer, there is one copy of the runtime, not two: the JVM loads the agent
 * class through the application class loader, which loads every class of a package of a boot-layer module from that
 * module, so this class, and the state it binds, are the named module's. The module's descriptor reads
 * {@code java.instrument} ({@code requires static}; the JVM resolves that module whenever an agent starts).
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
