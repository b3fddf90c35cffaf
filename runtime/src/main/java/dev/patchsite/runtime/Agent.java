package dev.patchsite.runtime;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The boot agent: patches the sites of classes linked in {@code boot} mode as they load. Started by
 * {@code -javaagent:patchsite-runtime.jar}, or by the {@code Launcher-Agent-Class} attribute the linker writes into
 * an executable jar's manifest, so that a plain {@code java -jar} gets it. Without it every call goes through its
 * function's trampoline: same behaviour, one inlined frame more. Where the JVM lets it retransform classes
 * ({@value #RETRANSFORM}), it patches the sites of updatable functions too, and patches them again on each update
 * ({@code Retransformer}).
 *
 * <p>On the module path ({@code java -javaagent:patchsite-runtime.jar -p ... -m app/...}) with the runtime's module
 * {@code dev.patchsite.runtime} in the boot layer, there is one copy of the runtime, not two: the JVM loads the agent
 * class through the application class loader, which loads every class of a package of a boot-layer module from that
 * module, so this class, and the state it binds, are the named module's. The module's descriptor reads
 * {@code java.instrument} ({@code requires static}; the JVM resolves that module whenever an agent starts).
 *
 * <p>An executable jar may have had a {@code Launcher-Agent-Class} of its own. The linker then names this agent in
 * that attribute and moves the jar's own agent to {@value #CHAINED_AGENT}; {@link #agentmain} installs patchsite and
 * then starts that agent, as the launcher would have, so both run.
 */
public final class Agent {

    /**
     * The main attribute of an executable jar's manifest that names the jar's own launcher agent, which
     * {@link #agentmain} starts after installing patchsite.
     */
    public static final String CHAINED_AGENT = "Patchsite-Chained-Agent-Class";

    /**
     * The manifest attribute that lets an agent retransform classes, which the agent needs to patch the sites of
     * updatable functions (and re-patch them on each update); without it they stay on their trampolines.
     */
    public static final String RETRANSFORM = "Can-Retransform-Classes";

    /**
     * The system property that, set to {@code false}, keeps the sites of updatable functions on their trampolines
     * (whose call sites follow an update in method activations already running too) instead of patching them.
     */
    public static final String PATCH_UPDATABLE = "patchsite.patchUpdatable";

    private static boolean installed;
    private static boolean chained;

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
     * Entry point for {@code Launcher-Agent-Class}: installs patchsite, then starts the agent the jar names in
     * {@value #CHAINED_AGENT}, if any, with the same arguments.
     *
     * @param arguments passed on to the chained agent
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(instrumentation);
        startChained(arguments, instrumentation);
    }

    /**
     * Installs the transformers: the one for sealed groups' sites always, the retransforming one for updatable
     * groups' sites where the JVM can retransform (the agent's manifest says {@value #RETRANSFORM}) and
     * {@value #PATCH_UPDATABLE} is not {@code false}.
     */
    private static synchronized void install(Instrumentation instrumentation) {
        if (!installed) {
            installed = true;
            instrumentation.addTransformer(new SitePatcher(false), false);
            if (instrumentation.isRetransformClassesSupported()
                    && !"false".equals(System.getProperty(PATCH_UPDATABLE))) {
                instrumentation.addTransformer(new SitePatcher(true), true);
                Retransformer.install(instrumentation);
            }
        }
    }

    /**
     * Starts the chained agent once, even if patchsite was installed earlier by {@code -javaagent}: the launcher
     * calls {@link #agentmain} for {@code java -jar} only, when {@code java.class.path} is the jar itself.
     */
    private static void startChained(String arguments, Instrumentation instrumentation) {
        String name;
        synchronized (Agent.class) {
            if (chained) {
                return;
            }
            chained = true;
            name = chainedAgent(System.getProperty("java.class.path", ""));
        }
        if (name == null) {
            return;
        }
        try {
            // As the launcher does: agentmain(String, Instrumentation), else agentmain(String); public, in a class
            // that need not be.
            Class<?> agent = Class.forName(name, true, ClassLoader.getSystemClassLoader());
            Method method;
            Object[] values;
            try {
                method = agent.getMethod("agentmain", String.class, Instrumentation.class);
                values = new Object[] {arguments, instrumentation};
            } catch (NoSuchMethodException e) {
                method = agent.getMethod("agentmain", String.class);
                values = new Object[] {arguments};
            }
            method.setAccessible(true);
            method.invoke(null, values);
        } catch (InvocationTargetException e) {
            // The chained agent failed: fail as it would have failed on its own, with its exception.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("patchsite: the chained agent " + name + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("patchsite: cannot start the chained agent " + name + " (" + CHAINED_AGENT
                    + "): " + e, e);
        }
    }

    /** Returns the agent class the jar names in {@value #CHAINED_AGENT}, or null. */
    private static String chainedAgent(String jar) {
        File file = new File(jar);
        if (jar.isEmpty() || jar.indexOf(File.pathSeparatorChar) >= 0 || !file.isFile()) {
            return null;
        }
        try (JarFile zip = new JarFile(file, false)) {
            Manifest manifest = zip.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue(CHAINED_AGENT);
            return name == null || name.trim().isEmpty() ? null : name.trim();
        } catch (IOException e) {
            throw new IllegalStateException("patchsite: cannot read the manifest of " + jar + " to start the agent it"
                    + " chains (" + CHAINED_AGENT + "): " + e.getMessage(), e);
        }
    }
}
