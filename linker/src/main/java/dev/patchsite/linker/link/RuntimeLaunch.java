package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.table.LinkMode;
import java.nio.file.Path;
import java.util.Map;

/**
 * How a linked executable jar (one with a {@code Main-Class}) finds the runtime when {@code java -jar} runs it: the
 * runtime's classes to embed, and whether its manifest starts the boot agent. {@code Launcher-Agent-Class} is written
 * only where the runtime will be (invariant 10): embedded, already in the jar, or in a jar the manifest's
 * {@code Class-Path} names ({@link RuntimeReach}). A jar's own launcher agent is chained, never replaced. A library
 * gets neither: it relies on its dependency on the runtime.
 *
 * @param runtime the runtime's classes to embed, by entry name; empty for none
 * @param startAgent whether the manifest names the boot agent in {@code Launcher-Agent-Class}
 */
record RuntimeLaunch(Map<String, byte[]> runtime, boolean startAgent) {

    /** Nothing to embed, no agent to start. */
    static final RuntimeLaunch NONE = new RuntimeLaunch(Map.of(), false);

    /**
     * Decides for one jar of a link, and warns when an executable jar that needs the runtime cannot reach it, or when
     * its own launcher agent is chained.
     *
     * @param jar the jar, its classes linked
     * @param output where the linked jar is written (its {@code Class-Path} is relative to that directory)
     * @param request the link request
     * @return the decision
     * @throws LinkException if the jar holds an older runtime than its linked classes need
     */
    static RuntimeLaunch of(JarLinker jar, Path output, LinkRequest request) throws PatchsiteException {
        byte[] manifest = jar.manifest();
        if (request.mode() == LinkMode.STATIC || manifest == null || !ManifestEditor.executable(manifest)) {
            return NONE;
        }
        boolean holds = jar.contains(RuntimeClasses.MARKER);
        if (holds && jar.changed()) {
            checkLevel(jar);
        }
        // An executable jar holds the runtime itself unless told otherwise: java -jar looks the agent and the
        // bootstraps up before anything else could be put on the class path.
        boolean embed = request.embedRuntime() && jar.changed() && !holds;
        if (!embed && !holds && RuntimeReach.viaClassPath(output, ManifestEditor.mainAttribute(manifest, "Class-Path"),
                request.classpath()) == null) {
            if (jar.changed()) {
                warnUnreachable(jar.input(), request.mode(), request.log());
            }
            return NONE;
        }
        boolean startAgent = request.mode() == LinkMode.BOOT;
        String theirs = ManifestEditor.launcherAgent(manifest);
        if (startAgent && theirs != null && !theirs.equals(ManifestEditor.AGENT)) {
            request.log().warn(jar.input() + ": the jar's own Launcher-Agent-Class " + theirs + " is chained:"
                    + " the linked manifest names " + ManifestEditor.AGENT + ", which installs patchsite and then"
                    + " starts " + theirs + " (recorded in " + ManifestEditor.CHAINED_AGENT + ")");
        }
        return new RuntimeLaunch(embed ? RuntimeClasses.all() : Map.of(), startAgent);
    }

    /**
     * Refuses a jar whose own copy of the runtime is older than the classes linked into it need: they would fail with
     * {@code NoClassDefFoundError} or {@code NoSuchMethodError} at run time, since {@code java -jar} loads the jar's
     * copy (a shaded jar built with an older {@code patchsite-runtime}).
     */
    private static void checkLevel(JarLinker jar) throws InputException, LinkException {
        byte[] bootstrap = jar.onlyCopyOf(RuntimeClasses.MARKER_CLASS);
        // Null: copies under META-INF/versions too, of which the JVM picks by its version; not judged here.
        int level = bootstrap == null ? RuntimeClasses.LEVEL : RuntimeClasses.levelOf(bootstrap);
        if (level < RuntimeClasses.LEVEL) {
            throw new LinkException(jar.input() + " holds an older patchsite runtime than this linker writes code for ("
                    + RuntimeClasses.MARKER + " is of level " + level + ", the linked classes need level "
                    + RuntimeClasses.LEVEL + "): build the jar with the patchsite-runtime of this linker's version,"
                    + " or leave the runtime out of the jar so that the link embeds its own");
        }
    }

    private static void warnUnreachable(Path input, LinkMode mode, PatchsiteLog log) {
        String fails = mode == LinkMode.BOOT ? "java -jar cannot start the agent (no Launcher-Agent-Class is added),"
                + " and the first call of a function fails in its trampoline" : "the first call of a function fails"
                + " in its bootstrap";
        log.warn(input + ": the patchsite runtime is neither in this executable jar nor in a jar its manifest's"
                + " Class-Path names, so " + fails + " with NoClassDefFoundError: embed the runtime, add the runtime's"
                + " jar to the manifest's Class-Path, or run the jar with -javaagent:patchsite-runtime.jar");
    }
}
