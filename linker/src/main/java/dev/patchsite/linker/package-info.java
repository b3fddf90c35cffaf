/**
 * The vocabulary every part of patchsite shares, and nothing else: the exceptions a core call throws
 * ({@link dev.patchsite.linker.PatchsiteException} and its {@link dev.patchsite.linker.InputException},
 * {@link dev.patchsite.linker.ValidationException} and {@link dev.patchsite.linker.LinkException}), the log interface
 * {@link dev.patchsite.linker.PatchsiteLog} and the {@link dev.patchsite.linker.Vocabulary} of front-end words its
 * messages name settings in, what every workflow reads ({@link dev.patchsite.linker.ProgramFiles}: the
 * program's jars, class path and declaration file) and how ({@link dev.patchsite.linker.ScanSettings}; both together
 * in a {@link dev.patchsite.linker.ScanRequest}), the {@link dev.patchsite.linker.Notice} lines a workflow's result
 * asks a front-end to show, and the helpers that keep messages one line and name files. A leaf: it imports no other package of the project.
 */
package dev.patchsite.linker;
