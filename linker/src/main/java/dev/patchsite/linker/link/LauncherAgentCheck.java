package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.zip.ZipArchive;
import dev.patchsite.runtime.Agent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Checks that a linked jar still starts under {@code java -jar} (invariant 10): a {@code Launcher-Agent-Class} that
 * names the boot agent needs the runtime in the jar or in a jar its {@code Class-Path} names (see
 * {@link RuntimeReach}), and the agent the boot agent chains to ({@value Agent#CHAINED_AGENT}) must be a class the
 * jar or its {@code Class-Path} has, and is started only if the boot agent is.
 */
final class LauncherAgentCheck {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final String AGENT = "dev.patchsite.runtime.Agent";
    private static final String LAUNCHER_AGENT = "Launcher-Agent-Class";

    private LauncherAgentCheck() {
    }

    /**
     * Returns what keeps a jar's agents from starting, one line each, naming the jar.
     *
     * @param jar the jar's path (its {@code Class-Path} is relative to its directory)
     * @param zip the jar
     * @param classpath the jars and directories it is verified with
     * @return the problems, empty if none
     * @throws IOException if the manifest cannot be read
     */
    static List<String> problems(Path jar, ZipArchive zip, List<Path> classpath) throws IOException {
        List<String> problems = new ArrayList<>();
        int entry = zip.find(MANIFEST);
        if (entry < 0) {
            return problems;
        }
        Attributes main = new Manifest(new ByteArrayInputStream(zip.read(entry))).getMainAttributes();
        String agent = main.getValue(LAUNCHER_AGENT);
        String chained = main.getValue(Agent.CHAINED_AGENT);
        String classPath = main.getValue(Attributes.Name.CLASS_PATH);
        String where = jar + "!/" + MANIFEST + ": ";
        if (AGENT.equals(agent) && !RuntimeReach.holdsRuntime(zip)
                && RuntimeReach.viaClassPath(jar, classPath, classpath) == null) {
            problems.add(where + LAUNCHER_AGENT + ": " + AGENT + ", but the runtime is neither in the jar nor in a"
                    + " jar its Class-Path names: java -jar fails with \"error loading java agent\"; embed the"
                    + " runtime or name its jar in the Class-Path");
        }
        if (chained != null) {
            if (!AGENT.equals(agent)) {
                problems.add(where + Agent.CHAINED_AGENT + ": " + chained + ", but " + LAUNCHER_AGENT + " is "
                        + (agent == null ? "missing" : agent) + ", not " + AGENT + ", which would start it");
            }
            String className = chained.trim().replace('.', '/') + ".class";
            if (zip.find(className) < 0 && RuntimeReach.classPath(jar, classPath).stream()
                    .noneMatch(file -> RuntimeReach.holds(file, className))) {
                problems.add(where + Agent.CHAINED_AGENT + ": " + chained + ", a class neither the jar nor its"
                        + " Class-Path has: java -jar fails when the boot agent starts it");
            }
        }
        return problems;
    }
}
