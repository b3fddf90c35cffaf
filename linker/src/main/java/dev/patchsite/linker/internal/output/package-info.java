/**
 * Internal: no compatibility promise. Writing outputs safely: {@link dev.patchsite.linker.internal.output.OutputPaths}
 * tells what an output path names and refuses one that is an input, and
 * {@link dev.patchsite.linker.internal.output.AtomicOutput} writes each file beside its target and moves it over it,
 * so a failed run leaves the previous file as it was.
 */
package dev.patchsite.linker.internal.output;
