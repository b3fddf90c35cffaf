/**
 * Internal: no compatibility promise. Reading and writing zip files (jars) strictly, trusting nothing an archive
 * claims: {@link dev.patchsite.linker.internal.zip.ZipArchive} reads one and
 * {@link dev.patchsite.linker.internal.zip.ZipWriter} writes one; {@link dev.patchsite.linker.internal.zip.Deflated}
 * is an entry deflated ahead of writing; {@link dev.patchsite.linker.internal.zip.DirectoryDigest} digests an
 * archive's central directory, which says whether it changed, without reading its entries.
 */
package dev.patchsite.linker.internal.zip;
