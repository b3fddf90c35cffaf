/**
 * Internal: no compatibility promise. Declarations and their rules: {@link
 * dev.patchsite.linker.internal.declarations.DeclarationReader} reads a class's patchsite annotations into a
 * {@link dev.patchsite.linker.internal.declarations.ClassInfo}, {@link
 * dev.patchsite.linker.internal.declarations.DeclarationFile} reads a declaration file, and {@link
 * dev.patchsite.linker.internal.declarations.DeclarationValidator} checks them all into
 * {@link dev.patchsite.linker.internal.declarations.Declarations}.
 */
package dev.patchsite.linker.internal.declarations;
