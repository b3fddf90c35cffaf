/**
 * The vocabulary every part of patchsite shares, and nothing else: the exceptions a core call throws
 * ({@link dev.patchsite.linker.PatchsiteException} and its {@link dev.patchsite.linker.InputException},
 * {@link dev.patchsite.linker.ValidationException} and {@link dev.patchsite.linker.LinkException}), the log interface
 * {@link dev.patchsite.linker.PatchsiteLog}, the {@link dev.patchsite.linker.ScanRequest} settings, and the helpers
 * that keep messages one line. A leaf: it imports no other package of the project.
 */
package dev.patchsite.linker;
