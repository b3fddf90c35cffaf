package dev.patchsite.linker.table;

import dev.patchsite.linker.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the text format written by {@link TableWriter}. Blank lines and lines starting with {@code #} are ignored,
 * so a committed baseline may carry comments. Errors name the source and line.
 */
public final class TableReader {

    private final String source;
    private final TableBuilder table = new TableBuilder();
    /** One instance of each name, descriptor and binding: a table of a million sites repeats them a million times. */
    private final Map<Object, Object> shared = new HashMap<>();
    private int lineNumber;

    private TableReader(String source) {
        this.source = source;
    }

    /**
     * Reads a table file, in the text form or in the JSON form ({@link TableJson}): a file whose first character
     * other than white space is <code>{</code> is JSON.
     *
     * @param file the file
     * @return the table
     * @throws InputException if the file cannot be read or is not a valid table
     */
    public static PatchSiteTable read(Path file) throws InputException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return isJson(reader) ? TableJson.read(reader, file.toString()) : read(reader, file.toString());
        } catch (IOException e) {
            throw InputException.unreadableText(file, "patch-site table", e);
        }
    }

    /**
     * Reads a table.
     *
     * @param in the text; not closed
     * @param source the name of the input, for messages
     * @return the table
     * @throws InputException if the text is not a valid table
     * @throws IOException if reading fails
     */
    public static PatchSiteTable read(Reader in, String source) throws InputException, IOException {
        return new TableReader(source).parse(in instanceof BufferedReader b ? b : new BufferedReader(in));
    }

    /** Whether the text starts, after white space, with an object; the reader is left where it was. */
    private static boolean isJson(BufferedReader in) throws IOException {
        int limit = 8192;
        in.mark(limit);
        int c = in.read();
        for (int read = 1; read < limit && (c == ' ' || c == '\t' || c == '\n' || c == '\r'); read++) {
            c = in.read();
        }
        in.reset();
        return c == '{';
    }

    private PatchSiteTable parse(BufferedReader in) throws InputException, IOException {
        boolean versionSeen = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] tokens = tokens(line.trim());
            if (tokens.length == 0) {
                // Not blank, yet nothing but control characters, which trim() removes with the spaces.
                throw error("a line of control characters only");
            }
            if (!versionSeen) {
                checkVersion(tokens);
                versionSeen = true;
                continue;
            }
            try {
                switch (tokens[0]) {
                    case "linked" -> linked(tokens);
                    case "function" -> function(tokens);
                    case "variant" -> variant(tokens);
                    case "site" -> site(tokens);
                    default -> throw new IllegalArgumentException(
                            "unknown record \"" + tokens[0] + "\"; expected linked, function, variant or site");
                }
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }
        if (!versionSeen) {
            throw new InputException(source + ": empty; a patch-site table starts with \"" + TableWriter.MAGIC + " "
                    + PatchSiteTable.FORMAT_VERSION + "\"");
        }
        return table.build();
    }

    private void checkVersion(String[] tokens) throws InputException {
        if (tokens.length != 2 || !tokens[0].equals(TableWriter.MAGIC)) {
            throw error("not a patch-site table; the first line must be \"" + TableWriter.MAGIC + " "
                    + PatchSiteTable.FORMAT_VERSION + "\"");
        }
        if (!tokens[1].equals(String.valueOf(PatchSiteTable.FORMAT_VERSION))) {
            throw error("table format version " + tokens[1] + " is not supported; this patchsite reads version "
                    + PatchSiteTable.FORMAT_VERSION);
        }
    }

    private void linked(String[] tokens) {
        LinkMode mode = tokens.length < 2 ? null : LinkMode.forLabel(tokens[1]);
        if (mode == null) {
            throw new IllegalArgumentException("expected: linked " + String.join("|", LinkMode.labels())
                    + " [GROUP=VARIANT]...");
        }
        Map<String, String> selections = new LinkedHashMap<>();
        for (int i = 2; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0 || mode != LinkMode.STATIC) {
                throw new IllegalArgumentException("expected: linked static GROUP=VARIANT... but found \""
                        + tokens[i] + "\"");
            }
            selections.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
        }
        table.linked(mode, selections);
    }

    private void function(String[] tokens) {
        Attributes attributes = new Attributes(tokens, 2, "function ID [method=M] [updatable] [declared]");
        String id = Tokens.decode(tokens[1]);
        String method = attributes.value("method");
        Function function = new Function(id, Tokens.parseMethod(method == null ? tokens[1] : method),
                attributes.flag("updatable"), attributes.flag("declared"));
        attributes.checkAllUsed();
        table.function(function);
    }

    private void variant(String[] tokens) {
        Attributes attributes = new Attributes(tokens, 4,
                "variant GROUP NAME CLASS priority=N [when=PROBE] implements=F,...");
        String group = internal(tokens[1]);
        String when = attributes.value("when");
        String priority = attributes.required("priority");
        List<String> implemented = new ArrayList<>();
        String list = attributes.required("implements");
        for (String item : list.isEmpty() ? new String[0] : list.split(",")) {
            implemented.add(implementedId(group, item));
        }
        attributes.checkAllUsed();
        table.variant(new Variant(group, Tokens.decode(tokens[2]), internal(tokens[3]), signed("priority", priority),
                when == null ? null : internal(when), implemented));
    }

    private String implementedId(String group, String item) {
        String nameAndDescriptor = Tokens.decode(item);
        for (Function function : table.functions()) {
            if (function.group().equals(group) && function.method().nameAndDescriptor().equals(nameAndDescriptor)) {
                return function.id();
            }
        }
        if (table.function(nameAndDescriptor) != null) {
            return nameAndDescriptor;
        }
        throw new IllegalArgumentException("variant implements " + nameAndDescriptor
                + ", which is not a function of group " + TableWriter.binary(group) + " listed above");
    }

    private void site(String[] tokens) {
        Attributes attributes = new Attributes(tokens, 5,
                "site FUNCTION CALLER #ORDINAL KIND [release=N] [super] [via=CLASS] [in=PATH] [source=FILE]"
                        + " [line=N offset=N] [bind=B]");
        Function function = table.function(Tokens.decode(tokens[1]));
        if (function == null) {
            throw new IllegalArgumentException("site of function " + Tokens.decode(tokens[1])
                    + ", which is not listed above");
        }
        String functionId = function.id();
        if (!tokens[3].startsWith("#")) {
            throw new IllegalArgumentException("expected #ORDINAL but found \"" + tokens[3] + "\"");
        }
        String release = attributes.value("release");
        String via = attributes.value("via");
        String in = attributes.value("in");
        String binding = attributes.value("bind");
        String source = attributes.value("source");
        String line = attributes.value("line");
        String offset = attributes.value("offset");
        if ((line == null) != (offset == null)) {
            throw new IllegalArgumentException("line= and offset= come together, or neither (a baseline's site)");
        }
        Site site = new Site(functionId, method(tokens[2]), release == null ? 0 : integer("release", release),
                integer("ordinal", tokens[3].substring(1)), SiteKind.ofLabel(tokens[4]), attributes.flag("super"),
                line == null ? 0 : integer("line", line), offset == null ? Site.NO_OFFSET : integer("offset", offset),
                binding == null ? null : share(Binding.ofLabel(binding)), via == null ? null : share(internal(via)),
                in == null ? null : share(Tokens.decode(in)), null);
        if (source != null) {
            if (source.isEmpty()) {
                throw new IllegalArgumentException("source= needs a file name");
            }
            site = site.withSourceFile(share(Tokens.decode(source)));
        }
        attributes.checkAllUsed();
        table.site(site);
    }

    /**
     * Returns a caller, sharing its owner, name and descriptor with the table's other sites. Sites come by caller
     * class, so the owner (and often the descriptor) is the previous site's: it is taken from there without parsing.
     */
    private MethodRef method(String token) {
        Site last = table.lastSite();
        MethodRef previous = last == null ? null : last.caller();
        int paren = token.indexOf('(');
        int dot = paren < 0 ? -1 : token.lastIndexOf('.', paren);
        if (previous != null && dot > 0 && dot < paren - 1 && token.indexOf('%') < 0
                && sameOwner(token, dot, previous.owner()) && token.startsWith(previous.descriptor(), paren)
                && token.length() - paren == previous.descriptor().length()) {
            return new MethodRef(previous.owner(), share(token.substring(dot + 1, paren)), previous.descriptor());
        }
        MethodRef method = Tokens.parseMethod(token);
        return new MethodRef(share(method.owner()), share(method.name()), share(method.descriptor()));
    }

    /** Whether the token's first {@code dot} characters are the binary name of an internal name. */
    private static boolean sameOwner(String token, int dot, String owner) {
        if (owner.length() != dot) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            char c = owner.charAt(i);
            if (token.charAt(i) != (c == '/' ? '.' : c)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the instance of a value this reader kept first. */
    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }

    /**
     * Splits a trimmed line at runs of spaces, as {@code split(" +")} does, without a regular expression; each token's
     * end is found by {@code indexOf}, which the JVM runs many characters at a time.
     */
    private static String[] tokens(String line) {
        String[] tokens = new String[10];
        int count = 0;
        int end = line.length();
        for (int i = 0; i < end; ) {
            if (line.charAt(i) == ' ') {
                i++;
                continue;
            }
            int space = line.indexOf(' ', i);
            int stop = space < 0 ? end : space;
            if (count == tokens.length) {
                tokens = java.util.Arrays.copyOf(tokens, count * 2);
            }
            tokens[count++] = line.substring(i, stop);
            i = stop;
        }
        return count == tokens.length ? tokens : java.util.Arrays.copyOf(tokens, count);
    }

    private static String internal(String token) {
        return Tokens.decode(token).replace('.', '/');
    }

    private static int integer(String what, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a non-negative integer but is \"" + text + "\"");
        }
    }

    private static int signed(String what, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer but is \"" + text + "\"");
        }
    }

    private InputException error(String message) {
        return new InputException(source + ":" + lineNumber + ": " + message);
    }

    /**
     * The optional {@code key=value} and flag tokens after a record's positional tokens: a few per line, so kept in
     * two arrays searched in order rather than a map made per line.
     */
    private static final class Attributes {
        private final String[] keys;
        private final String[] values;
        private final boolean[] used;
        private final String syntax;

        Attributes(String[] tokens, int positional, String syntax) {
            this.syntax = syntax;
            if (tokens.length < positional) {
                throw new IllegalArgumentException("too few fields; expected " + syntax);
            }
            int count = tokens.length - positional;
            keys = new String[count];
            values = new String[count];
            used = new boolean[count];
            for (int i = 0; i < count; i++) {
                String token = tokens[positional + i];
                int eq = token.indexOf('=');
                String key = eq < 0 ? token : token.substring(0, eq);
                if (find(key, i) >= 0) {
                    throw new IllegalArgumentException("\"" + key + "\" given twice");
                }
                keys[i] = key;
                values[i] = eq < 0 ? null : token.substring(eq + 1);
            }
        }

        /** Returns the index of a key not used yet among the first {@code limit}, or -1. */
        private int find(String key, int limit) {
            for (int i = 0; i < limit; i++) {
                if (!used[i] && keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        String value(String key) {
            int i = find(key, keys.length);
            if (i < 0) {
                return null;
            }
            if (values[i] == null) {
                throw new IllegalArgumentException("\"" + key + "\" needs a value: " + key + "=...");
            }
            used[i] = true;
            return values[i];
        }

        String required(String key) {
            if (find(key, keys.length) < 0) {
                throw new IllegalArgumentException("missing " + key + "=");
            }
            return value(key);
        }

        boolean flag(String key) {
            int i = find(key, keys.length);
            if (i >= 0 && values[i] != null) {
                throw new IllegalArgumentException("\"" + key + "\" takes no value");
            }
            if (i >= 0) {
                used[i] = true;
            }
            return i >= 0;
        }

        void checkAllUsed() {
            int unused = 0;
            while (unused < keys.length && used[unused]) {
                unused++;
            }
            if (unused < keys.length) {
                throw new IllegalArgumentException("unknown field \"" + keys[unused] + "\"; expected " + syntax);
            }
        }
    }
}
