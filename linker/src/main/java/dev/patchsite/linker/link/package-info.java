/**
 * Linking and verifying: {@link dev.patchsite.linker.link.Linker} rewrites a program's sites and writes the linked
 * jars (a {@link dev.patchsite.linker.link.LinkRequest} in), and {@link dev.patchsite.linker.link.Verifier} checks
 * that a linked jar is what the linker would write; {@link dev.patchsite.linker.link.ArtifactLinker} is a build tool's
 * link step (a {@link dev.patchsite.linker.link.ArtifactLinkRequest} in): one jar, in place or beside it, skipped when
 * unchanged. They share, package-private, what linked bytecode looks like
 * ({@code LinkedCalls}, {@code PatchSitesAttribute}, {@code RuntimeReach}).
 */
package dev.patchsite.linker.link;
