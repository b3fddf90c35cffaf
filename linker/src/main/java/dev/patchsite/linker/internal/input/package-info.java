/**
 * Internal: no compatibility promise. The program's inputs: {@link dev.patchsite.linker.internal.input.ClassPath}
 * opens jars and directories in classpath order and lists their class entries (shadowed copies left out), and
 * {@link dev.patchsite.linker.internal.input.ProgramModules} holds the module descriptors read from them.
 * {@link dev.patchsite.linker.internal.input.Jars} opens one jar, or a jar nested in one, with the messages every
 * command uses; {@link dev.patchsite.linker.internal.input.ArchiveLayout} says where a Spring Boot or web archive
 * keeps its class directory and nested jars, which the class path reads as inputs of their own.
 */
package dev.patchsite.linker.internal.input;
