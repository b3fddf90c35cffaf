/**
 * Explaining a program's selections: {@link dev.patchsite.linker.explain.Explainer} tells, for each group, which
 * variant the runtime would choose and why, running the probes in a separate JVM
 * ({@link dev.patchsite.linker.explain.ProbeMain}) so that the program's classes never load into the linker.
 */
package dev.patchsite.linker.explain;
