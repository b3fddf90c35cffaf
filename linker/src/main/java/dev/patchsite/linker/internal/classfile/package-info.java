/**
 * Internal: no compatibility promise. Class files as bytes, without ASM: a
 * {@link dev.patchsite.linker.internal.classfile.ClassBuffer} holds one, a
 * {@link dev.patchsite.linker.internal.classfile.ConstantPool} reads its pool on demand,
 * {@link dev.patchsite.linker.internal.classfile.ClassLayout} walks its members and attributes (the one walker),
 * {@link dev.patchsite.linker.internal.classfile.Opcodes} names opcodes, and
 * {@link dev.patchsite.linker.internal.classfile.ClassFileAppender} edits a class in place (appending constants and
 * attributes). Malformed input gives a {@link dev.patchsite.linker.internal.classfile.MalformedClassException}.
 */
package dev.patchsite.linker.internal.classfile;
