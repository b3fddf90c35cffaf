package dev.patchsite.linker.link;

import dev.patchsite.linker.table.LinkMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 9 (a group is a class, not a name; issue 8, item 4): a host on the class path loads two versions of a
 * linked plugin library, each in a {@code URLClassLoader} of its own. Version 1 has a variant {@code fast} (which
 * super-calls the default); version 2 adds {@code simd}, behind a probe that always holds. Each loader's group binds
 * its own selection: with no property v1 runs the default and v2 {@code simd}; {@code -Dpatchsite.select.plug.Codec}
 * applies to both; {@code PatchSite.select(Class, …)} selects each loader's group on its own; a name only v2 knows
 * fails in v1's loader with the error that lists v1's variants (an unknown name is an error, DESIGN.md "Selection"),
 * while v2 runs it; {@code PatchSite.report()} lists both groups. Boot mode with and without the agent, and indy
 * mode (the one the README recommends for plugin systems), on JDK 17 and 25.
 */
class PluginLoadersTest {

    private static final String GROUP = "plug.Codec";

    private static final String CODEC = """
            package plug;

            import dev.patchsite.RuntimeStatic;

            public final class Codec {
                private Codec() {
                }

                @RuntimeStatic
                public static String name() {
                    return "default";
                }
            }
            """;

    private static final String FAST = """
            package plug;

            import dev.patchsite.Variant;

            @Variant(of = Codec.class, name = "fast")
            public final class FastCodec {
                private FastCodec() {
                }

                public static String name() {
                    return "fast(" + Codec.name() + ")";
                }
            }
            """;

    private static final String SIMD = """
            package plug;

            import dev.patchsite.Variant;

            @Variant(of = Codec.class, name = "simd", when = Always.class, priority = 10)
            public final class SimdCodec {
                private SimdCodec() {
                }

                public static String name() {
                    return "simd";
                }
            }
            """;

    private static final String ALWAYS = """
            package plug;

            import java.util.function.BooleanSupplier;

            public final class Always implements BooleanSupplier {
                @Override
                public boolean getAsBoolean() {
                    return true;
                }
            }
            """;

    /** The plugin's entry point, with the version it belongs to. */
    private static final String API = """
            package plug;

            public final class Api {
                private Api() {
                }

                public static String describe() {
                    return "VERSION " + Codec.name();
                }
            }
            """;

    /**
     * Loads each plugin jar (arguments 1 and 2) in a loader of its own, optionally selects each loader's group
     * programmatically (arguments 3 and 4), calls the plugin, and prints what it returned and the report, sorted,
     * each loader shown by its name and without the site counts (which depend on the mode). The unknown-variant error
     * is shortened to what the test asserts: it names the variant and lists the known ones.
     */
    private static final String HOST = """
            package host;

            import dev.patchsite.PatchSite;
            import java.net.URL;
            import java.net.URLClassLoader;
            import java.nio.file.Path;
            import java.util.ArrayList;
            import java.util.List;

            public final class Host {
                public static void main(String[] args) throws Exception {
                    List<ClassLoader> loaders = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        String version = "v" + (i + 1);
                        URLClassLoader loader = new URLClassLoader(version,
                                new URL[] {Path.of(args[i]).toUri().toURL()}, Host.class.getClassLoader());
                        loaders.add(loader);
                        Class<?> group = Class.forName("plug.Codec", false, loader);
                        if (args.length > 2) {
                            PatchSite.select(group, args[2 + i]);
                        }
                        String text;
                        try {
                            text = (String) Class.forName("plug.Api", true, loader).getMethod("describe").invoke(null);
                        } catch (Throwable e) {
                            Throwable root = e;
                            while (root.getCause() != null) {
                                root = root.getCause();
                            }
                            String message = String.valueOf(root.getMessage());
                            if (message.contains("unknown variant \\"simd\\"") && message.contains("fast")) {
                                message = "unknown variant simd, known variants listed";
                            }
                            text = "failed: " + root.getClass().getSimpleName() + ": " + message;
                        }
                        System.out.println(version + ": " + text + "; selected " + PatchSite.selected(group));
                    }
                    List<String> report = new ArrayList<>();
                    for (String line : PatchSite.report()) {
                        int counts = line.indexOf("; sites patched");
                        line = counts < 0 ? line : line.substring(0, counts);
                        for (ClassLoader loader : loaders) {
                            line = line.replace(loader.toString(), loader.getName());
                        }
                        report.add("report: " + line);
                    }
                    report.stream().sorted().forEach(System.out::println);
                }
            }
            """;

    /** With the agent, v1's unknown selection is also reported as v1's plugin class loads. */
    private static final String AGENT_LEAVES_V1 = "patchsite: left the sites of plug/Api on their trampolines:"
            + " java.lang.IllegalArgumentException: patchsite: unknown variant \"simd\" of group plug.Codec (selected by"
            + " -Dpatchsite.select.plug.Codec); known variants: default, fast\n";

    @TempDir
    static Path dir;

    private static Path host;
    private static Path agent;
    private static Path v1;
    private static Path v2;
    private static final Map<LinkMode, Path[]> LINKED = new EnumMap<>(LinkMode.class);

    @BeforeAll
    static void compileAndLink() throws Exception {
        v1 = plugin("v1", Map.of("plug.Codec", CODEC, "plug.FastCodec", FAST, "plug.Api", API.replace("VERSION",
                "v1")));
        v2 = plugin("v2", Map.of("plug.Codec", CODEC, "plug.FastCodec", FAST, "plug.SimdCodec", SIMD, "plug.Always",
                ALWAYS, "plug.Api", API.replace("VERSION", "v2")));
        host = LinkTestFiles.compile(dir.resolve("host"), Map.of("host.Host", HOST));
        agent = LinkTestFiles.agentJar(dir.resolve("patchsite-runtime.jar"));
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            Path[] linked = new Path[2];
            for (int i = 0; i < 2; i++) {
                Path input = i == 0 ? v1 : v2;
                linked[i] = dir.resolve(mode.label()).resolve(input.getFileName());
                CoreRun.link(input, linked[i], mode).assertOk();
            }
            LINKED.put(mode, linked);
        }
    }

    private static Path plugin(String version, Map<String, String> sources) throws Exception {
        Path classes = LinkTestFiles.compile(dir.resolve(version), sources);
        return LinkTestFiles.jar(classes, dir.resolve("plugins").resolve("plugin-" + version + ".jar"), null);
    }

    /** Unlinked, both plugins run their default, whatever the property says, and nothing is bound. */
    @Test
    void unlinkedPluginsRunTheDefault() {
        Outcomes outcomes = new Outcomes();
        outcomes.expect("unlinked, -D…=fast", """
                v1: v1 default; selected null
                v2: v2 default; selected null
                """, Jvms.JDK17.run("-Dpatchsite.select." + GROUP + "=fast", "-cp", Jvms.classPath(host, agent),
                "host.Host", v1, v2));
        outcomes.assertAll();
    }

    /** On JDK 17, in each mode: no property, the property naming the default, fast or simd, and select(Class). */
    @Test
    void eachLoadersGroupBindsItsOwnSelection() {
        Outcomes outcomes = new Outcomes();
        for (Launch launch : Launch.RUNTIME) {
            outcomes.expect(launch + ", no property", """
                    v1: v1 default; selected default
                    v2: v2 simd; selected simd
                    report: plug.Codec [v1] -> default (no variant has a probe)
                    report: plug.Codec [v2] -> simd (probe plug.Always holds (priority 10))
                    """, run(Jvms.JDK17, launch, List.of()));
            outcomes.expect(launch + ", -D…=default", """
                    v1: v1 default; selected default
                    v2: v2 default; selected default
                    report: plug.Codec [v1] -> default (selected by -Dpatchsite.select.plug.Codec)
                    report: plug.Codec [v2] -> default (selected by -Dpatchsite.select.plug.Codec)
                    """, run(Jvms.JDK17, launch, List.of("-Dpatchsite.select." + GROUP + "=default")));
            outcomes.expect(launch + ", -D…=fast", forcedFast(), run(Jvms.JDK17, launch,
                    List.of("-Dpatchsite.select." + GROUP + "=fast")));
            outcomes.expect(launch + ", -D…=simd (v2 only)", """
                    v1: failed: IllegalArgumentException: unknown variant simd, known variants listed; selected null
                    v2: v2 simd; selected simd
                    report: plug.Codec [v1] -> (not bound)
                    report: plug.Codec [v2] -> simd (selected by -Dpatchsite.select.plug.Codec)
                    """, launch == Launch.AGENT ? AGENT_LEAVES_V1 : "", run(Jvms.JDK17, launch, List.of("-Dpatchsite.select." + GROUP + "=simd")));
            outcomes.expect(launch + ", select(v1 Codec, fast), select(v2 Codec, default)", """
                    v1: v1 fast(default); selected fast
                    v2: v2 default; selected default
                    report: plug.Codec [v1] -> fast (selected by PatchSite.select)
                    report: plug.Codec [v2] -> default (selected by PatchSite.select)
                    """, run(Jvms.JDK17, launch, List.of(), "fast", "default"));
        }
        outcomes.assertAll();
    }

    /** On JDK 25, in each mode, with fast forced in both loaders. */
    @Test
    void eachLoadersGroupBindsItsOwnSelectionOnJdk25() {
        ForkedJava java = Jvms.jdk25();
        Outcomes outcomes = new Outcomes();
        for (Launch launch : Launch.RUNTIME) {
            outcomes.expect(launch + ", -D…=fast", forcedFast(), run(java, launch,
                    List.of("-Dpatchsite.select." + GROUP + "=fast")));
        }
        outcomes.assertAll();
    }

    private static String forcedFast() {
        return """
                v1: v1 fast(default); selected fast
                v2: v2 fast(default); selected fast
                report: plug.Codec [v1] -> fast (selected by -Dpatchsite.select.plug.Codec)
                report: plug.Codec [v2] -> fast (selected by -Dpatchsite.select.plug.Codec)
                """;
    }

    private static ForkedJava.Result run(ForkedJava java, Launch launch, List<String> properties,
            String... selections) {
        List<Object> command = new ArrayList<>(launch.options(agent));
        command.addAll(properties);
        command.addAll(List.of("-cp", Jvms.classPath(host, agent), "host.Host"));
        command.addAll(List.of(LINKED.get(launch.mode())));
        command.addAll(List.of((Object[]) selections));
        return java.run(command.toArray());
    }
}
