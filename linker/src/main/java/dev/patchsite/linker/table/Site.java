package dev.patchsite.linker.table;

import java.util.Objects;

/**
 * One place in bytecode that calls a function or takes its address.
 *
 * <p>A site's identity is (function, caller class, release, caller method and descriptor, ordinal); {@link #line},
 * {@link #offset} and {@link #sourceFile} are shown but are not identity, so an unrelated edit does not churn a diff.
 * A site read from a table written without positions (a baseline) has {@link #hasPosition() no position}: line 0 and
 * offset {@link #NO_OFFSET}.
 *
 * @param functionId the id of the function
 * @param caller the calling method; its owner is the caller class
 * @param release the release of a multi-release jar's {@code META-INF/versions/N/} copy of the caller class, or 0
 *     for the base class
 * @param ordinal the site's index among the caller method's sites of the same function, in bytecode order
 * @param kind how the site uses the function
 * @param superCall true if the caller is a variant calling a function it implements (which means the default)
 * @param line the source line, or 0 if unknown
 * @param offset the bytecode offset of the instruction in the caller method's code, or {@link #NO_OFFSET} if the
 *     table did not record it
 * @param binding how linking bound the site, or null in a table that was not linked
 * @param via the internal name of the class the instruction names when it is not the group but a subclass that
 *     inherits the function (javac writes {@code invokestatic Sub.f} for a call written {@code Sub.f()}); null for
 *     a call that names the group. Not identity: such calls count among the caller's sites of the function
 * @param in where the caller class is inside a Spring Boot or web archive: its class directory
 *     ({@code BOOT-INF/classes/}) or nested jar ({@code BOOT-INF/lib/x-1.0.jar}); null at an input's top level. Not
 *     identity, like the line: a library's new version renames its nested jar, and its sites stay the same sites
 * @param sourceFile the caller class's {@code SourceFile} attribute when it is not the conventional name (see
 *     {@link SourceFiles#conventional}), e.g. {@code Main.kt}; null when it is, or the class has none
 */
public record Site(String functionId, MethodRef caller, int release, int ordinal, SiteKind kind, boolean superCall,
        int line, int offset, Binding binding, String via, String in, String sourceFile) implements Comparable<Site> {

    /** The offset of a site whose table was written without positions. */
    public static final int NO_OFFSET = -1;

    /** Checks that no component is null. */
    public Site {
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates a site at an input's top level whose caller class has a conventional source file name.
     *
     * @param functionId the id of the function
     * @param caller the calling method
     * @param release the multi-release version, or 0
     * @param ordinal the index among the caller's sites of the function
     * @param kind how the site uses the function
     * @param superCall whether the site is a super-call
     * @param line the source line, or 0
     * @param offset the bytecode offset
     * @param binding how linking bound the site, or null
     * @param via the subclass the instruction names, or null
     */
    public Site(String functionId, MethodRef caller, int release, int ordinal, SiteKind kind, boolean superCall,
            int line, int offset, Binding binding, String via) {
        this(functionId, caller, release, ordinal, kind, superCall, line, offset, binding, via, null, null);
    }

    /**
     * Creates a site of a table that was not linked.
     *
     * @param functionId the id of the function
     * @param caller the calling method
     * @param release the multi-release version, or 0
     * @param ordinal the index among the caller's sites of the function
     * @param kind how the site uses the function
     * @param superCall whether the site is a super-call
     * @param line the source line, or 0
     * @param offset the bytecode offset
     */
    public Site(String functionId, MethodRef caller, int release, int ordinal, SiteKind kind, boolean superCall,
            int line, int offset) {
        this(functionId, caller, release, ordinal, kind, superCall, line, offset, null, null, null, null);
    }

    /**
     * Creates a site of a call that names the group.
     *
     * @param functionId the id of the function
     * @param caller the calling method
     * @param release the multi-release version, or 0
     * @param ordinal the index among the caller's sites of the function
     * @param kind how the site uses the function
     * @param superCall whether the site is a super-call
     * @param line the source line, or 0
     * @param offset the bytecode offset
     * @param binding how linking bound the site, or null
     */
    public Site(String functionId, MethodRef caller, int release, int ordinal, SiteKind kind, boolean superCall,
            int line, int offset, Binding binding) {
        this(functionId, caller, release, ordinal, kind, superCall, line, offset, binding, null, null, null);
    }

    /**
     * Returns this site with a binding.
     *
     * @param how how linking bound the site
     * @return the bound site
     */
    public Site bound(Binding how) {
        return new Site(functionId, caller, release, ordinal, kind, superCall, line, offset, how, via, in,
                sourceFile);
    }

    /**
     * Returns this site with the given caller, super-call mark, line and offset, keeping the rest.
     *
     * @param newCaller the calling method
     * @param newSuperCall whether the site is a super-call
     * @param newLine the source line, or 0
     * @param newOffset the bytecode offset
     * @return the site
     */
    public Site with(MethodRef newCaller, boolean newSuperCall, int newLine, int newOffset) {
        return new Site(functionId, newCaller, release, ordinal, kind, newSuperCall, newLine, newOffset, binding, via,
                in, sourceFile);
    }

    /**
     * Returns this site found at the given place inside a Spring Boot or web archive.
     *
     * @param where the class directory or nested jar, or null for an input's top level
     * @return the site
     */
    public Site in(String where) {
        return Objects.equals(where, in) ? this
                : new Site(functionId, caller, release, ordinal, kind, superCall, line, offset, binding, via, where,
                        sourceFile);
    }

    /**
     * Returns this site with the caller class's source file name.
     *
     * @param file the {@code SourceFile} attribute of the caller class, or null; a conventional name is kept as null
     * @return the site
     */
    public Site withSourceFile(String file) {
        String unusual = file == null || file.equals(SourceFiles.conventional(caller.owner())) ? null : file;
        return new Site(functionId, caller, release, ordinal, kind, superCall, line, offset, binding, via, in,
                unusual);
    }

    /**
     * Returns this site without its line and offset, as a baseline records it.
     *
     * @return the site with line 0 and offset {@link #NO_OFFSET}
     */
    public Site withoutPosition() {
        return hasPosition() ? with(caller, superCall, 0, NO_OFFSET) : this;
    }

    /**
     * Returns whether the site's table recorded its line and offset.
     *
     * @return false for a site read from a table written without positions
     */
    public boolean hasPosition() {
        return offset != NO_OFFSET;
    }

    /**
     * Returns the site's identity: two tables' sites are the same site when their keys are equal.
     *
     * @return the identity key
     */
    public Key key() {
        return new Key(functionId, caller, release, ordinal);
    }

    /**
     * A site's identity.
     *
     * @param functionId the id of the function
     * @param caller the calling method
     * @param release the multi-release version, or 0
     * @param ordinal the index among the caller's sites of the function
     */
    public record Key(String functionId, MethodRef caller, int release, int ordinal) {
    }

    @Override
    public int compareTo(Site other) {
        // Written out rather than chained comparators: a big program's table sorts ninety thousand pairs, mostly in
        // code the JIT has not compiled yet, where each lambda of a chain is a call.
        int c = functionId.compareTo(other.functionId);
        if (c == 0) {
            c = caller.owner().compareTo(other.caller.owner());
        }
        if (c == 0) {
            c = Integer.compare(release, other.release);
        }
        if (c == 0) {
            c = caller.name().compareTo(other.caller.name());
        }
        if (c == 0) {
            c = caller.descriptor().compareTo(other.caller.descriptor());
        }
        return c != 0 ? c : Integer.compare(ordinal, other.ordinal);
    }
}
