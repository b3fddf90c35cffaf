/**
 * Linking and verifying: {@link dev.patchsite.linker.link.Linker} rewrites a program's sites and writes the linked
 * jars (a {@link dev.patchsite.linker.link.LinkRequest} in), and {@link dev.patchsite.linker.link.Verifier} checks
 * that a linked jar is what the linker would write. They share, package-private, what linked bytecode looks like
 * ({@code LinkedCalls}, {@code PatchSitesAttribute}, {@code RuntimeReach}).
 */
package dev.patchsite.linker.link;
