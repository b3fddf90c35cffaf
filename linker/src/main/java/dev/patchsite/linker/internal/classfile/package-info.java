/**
 * Internal: no compatibility promise. Class files as bytes, without ASM: a
 * {@link dev.patchsite.linker.internal.classfile.ClassBuffer} holds one, a
 * {@link dev.patchsite.linker.internal.classfile.ConstantPool} reads its pool on demand, and
 * {@link dev.patchsite.linker.internal.classfile.ClassFileAppender} edits a class in place (appending constants and
 * attributes). Malformed input gives a {@link dev.patchsite.linker.internal.classfile.MalformedClassException}.
 */
package dev.patchsite.linker.internal.classfile;
