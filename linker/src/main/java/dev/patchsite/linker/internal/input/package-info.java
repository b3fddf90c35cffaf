/**
 * Internal: no compatibility promise. The program's inputs: {@link dev.patchsite.linker.internal.input.ClassPath}
 * opens jars and directories in classpath order and lists their class entries (shadowed copies left out), and
 * {@link dev.patchsite.linker.internal.input.ProgramModules} holds the module descriptors read from them.
 * {@link dev.patchsite.linker.internal.input.Jars} opens one jar with the messages every command uses.
 */
package dev.patchsite.linker.internal.input;
