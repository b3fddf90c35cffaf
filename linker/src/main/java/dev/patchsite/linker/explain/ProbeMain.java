package dev.patchsite.linker.explain;

import dev.patchsite.runtime.GroupInfo;
import dev.patchsite.runtime.Selection;
import dev.patchsite.runtime.Selector;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The main of the child JVM in which {@code explain} runs a program's probes, so that a probe that exits, loops or
 * writes files does it there, never in the linker's JVM. It selects each group with the runtime's own
 * {@link Selector}, in a class loader over the program's class path as the runtime's would be, and answers on
 * standard output; the probes' own standard output goes to standard error.
 *
 * <p>It reads from standard input, in {@link ProbeProtocol}'s words: the nonce; {@code path P} per class path
 * entry; per group {@code group NAME OVERRIDE N} and the N lines of its description; {@code end}. It writes, each line
 * starting with the nonce (so a probe writing to file descriptor 1 cannot forge one): {@code group NAME} as it starts
 * a group, {@code start PROBE} as a probe's class is requested (the probe runs from then until the next line), then
 * {@code probe TEXT} per probe evaluated and {@code selected VARIANT REASON} or {@code unknown MESSAGE}; {@code done}
 * at the end.
 */
public final class ProbeMain {

    private ProbeMain() {
    }

    /**
     * Evaluates the probes of the groups read from standard input.
     *
     * @param args none
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ProbeProtocol protocol = new ProbeProtocol(in.readLine(), answers);
        List<URL> urls = new ArrayList<>();
        List<String[]> groups = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.equals(ProbeProtocol.END); line = in.readLine()) {
            String[] fields = line.split("\t", -1);
            if (fields[0].equals(ProbeProtocol.PATH)) {
                urls.add(url(fields[1]));
            } else {
                StringBuilder description = new StringBuilder();
                for (int i = Integer.parseInt(fields[3]); i > 0; i--) {
                    description.append(in.readLine()).append('\n');
                }
                groups.add(fields);
                descriptions.add(description.toString());
            }
        }
        ClassLoader program = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        for (int i = 0; i < groups.size(); i++) {
            String name = groups.get(i)[1];
            String override = groups.get(i)[2].equals(ProbeProtocol.NONE) ? null : groups.get(i)[2];
            GroupInfo group = GroupInfo.parse(name, new ByteArrayInputStream(
                    descriptions.get(i).getBytes(StandardCharsets.UTF_8)));
            protocol.send(ProbeProtocol.GROUP, name);
            select(group, new Announcing(program, group, protocol), override, protocol);
        }
        protocol.send(ProbeProtocol.DONE);
        answers.flush();
        // A probe may have left threads or shutdown hooks behind: none of them may keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    private static void select(GroupInfo group, ClassLoader loader, String override, ProbeProtocol protocol) {
        Selection selection;
        try {
            selection = Selector.select(group, loader, null, override);
        } catch (IllegalArgumentException e) {
            protocol.send(ProbeProtocol.UNKNOWN, e.getMessage());
            return;
        }
        for (String probe : selection.probes()) {
            protocol.send(ProbeProtocol.PROBE, probe);
        }
        protocol.send(ProbeProtocol.SELECTED, selection.variant(), selection.reason());
    }

    private static URL url(String path) throws MalformedURLException {
        return Path.of(path).toUri().toURL();
    }

    /** Delegates to the program's loader, telling the parent when a probe's class is requested: the probe runs. */
    private static final class Announcing extends ClassLoader {
        private final Set<String> probes = new HashSet<>();
        private final ProbeProtocol protocol;

        Announcing(ClassLoader program, GroupInfo group, ProbeProtocol protocol) {
            super(program);
            this.protocol = protocol;
            group.variants().forEach(variant -> probes.add(variant.when()));
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (probes.contains(name)) {
                protocol.send(ProbeProtocol.START, name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
