package dev.patchsite.linker.internal.declarations;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.table.MethodRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A declaration file: functions in code you do not own (the JDK, a third-party library), and optionally variants
 * that are not annotated. Documented in {@code docs/declarations.md}:
 *
 * <pre>
 * # comment
 * patchsite-declarations 1
 * function java.lang.System.nanoTime()J [id=clock] [updatable]
 * variant java.lang.System coarse com.example.CoarseClock [priority=10] [when=com.example.OnLinux]
 * </pre>
 *
 * @param functions the declared functions, in file order
 * @param variants the declared variants, in file order
 */
public record DeclarationFile(List<DeclaredFunction> functions, List<DeclaredVariant> variants) {

    /** The first token of the version line. */
    static final String MAGIC = "patchsite-declarations";
    /** The version of the format this code reads. */
    static final int VERSION = 1;

    /** A file with no declarations. */
    public static final DeclarationFile EMPTY = new DeclarationFile(List.of(), List.of());

    /** Copies the lists. */
    public DeclarationFile {
        functions = List.copyOf(functions);
        variants = List.copyOf(variants);
    }

    /**
     * A {@code function} line.
     *
     * @param method the method
     * @param id the id, or null for the default
     * @param updatable whether the function is updatable
     * @param where {@code file:line}, for messages
     */
    public record DeclaredFunction(MethodRef method, String id, boolean updatable, String where) {
    }

    /**
     * A {@code variant} line.
     *
     * @param group the internal name of the group
     * @param name the variant's name
     * @param className the internal name of the variant class
     * @param priority the priority
     * @param when the internal name of the probe, or null if the variant is chosen only explicitly
     * @param where {@code file:line}, for messages
     */
    public record DeclaredVariant(String group, String name, String className, int priority, String when,
            String where) {
    }

    /**
     * Reads a declaration file.
     *
     * @param file the file
     * @return the declarations
     * @throws InputException if the file cannot be read or has a syntax error; the message gives file and line
     */
    public static DeclarationFile read(Path file) throws InputException {
        List<DeclaredFunction> functions = new ArrayList<>();
        List<DeclaredVariant> variants = new ArrayList<>();
        boolean versionSeen = false;
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String where = file + ":" + number;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] tokens = line.strip().split("\\s+");
                try {
                    if (!versionSeen) {
                        checkVersion(tokens);
                        versionSeen = true;
                    } else if (tokens[0].equals("function")) {
                        functions.add(function(tokens, where));
                    } else if (tokens[0].equals("variant")) {
                        variants.add(variant(tokens, where));
                    } else {
                        throw new IllegalArgumentException("unknown record \"" + tokens[0]
                                + "\"; expected function or variant");
                    }
                } catch (IllegalArgumentException e) {
                    throw new InputException(where + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw InputException.unreadableText(file, "declaration file", e);
        }
        if (!versionSeen) {
            throw new InputException(file + ": empty; a declaration file starts with \"" + MAGIC + " " + VERSION + "\"");
        }
        return new DeclarationFile(functions, variants);
    }

    private static void checkVersion(String[] tokens) {
        if (tokens.length != 2 || !tokens[0].equals(MAGIC)) {
            throw new IllegalArgumentException("not a declaration file; the first line must be \"" + MAGIC + " "
                    + VERSION + "\"");
        }
        if (!tokens[1].equals(String.valueOf(VERSION))) {
            throw new IllegalArgumentException("declaration format version " + tokens[1]
                    + " is not supported; this patchsite reads version " + VERSION);
        }
    }

    private static DeclaredFunction function(String[] tokens, String where) {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("expected: function OWNER.NAME(DESCRIPTOR) [id=ID] [updatable]");
        }
        MethodRef method = MethodRef.parse(tokens[1]);
        String id = null;
        boolean updatable = false;
        for (int i = 2; i < tokens.length; i++) {
            if (tokens[i].startsWith("id=") && tokens[i].length() > 3) {
                id = tokens[i].substring(3);
            } else if (tokens[i].equals("updatable")) {
                updatable = true;
            } else {
                throw new IllegalArgumentException("unknown option \"" + tokens[i] + "\"; expected id=ID or updatable");
            }
        }
        return new DeclaredFunction(method, id, updatable, where);
    }

    private static DeclaredVariant variant(String[] tokens, String where) {
        if (tokens.length < 4) {
            throw new IllegalArgumentException(
                    "expected: variant GROUP NAME CLASS [priority=N] [when=PROBE], e.g. variant java.lang.System"
                            + " coarse com.example.CoarseClock");
        }
        int priority = 0;
        String when = null;
        for (int i = 4; i < tokens.length; i++) {
            if (tokens[i].startsWith("priority=")) {
                try {
                    priority = Integer.parseInt(tokens[i].substring(9));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("priority must be an integer but is \""
                            + tokens[i].substring(9) + "\"");
                }
            } else if (tokens[i].startsWith("when=") && tokens[i].length() > 5) {
                when = internal(tokens[i].substring(5));
            } else {
                throw new IllegalArgumentException("unknown option \"" + tokens[i]
                        + "\"; expected priority=N or when=PROBE");
            }
        }
        return new DeclaredVariant(internal(tokens[1]), tokens[2], internal(tokens[3]), priority, when, where);
    }

    private static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
