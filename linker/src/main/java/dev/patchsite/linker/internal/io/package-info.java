/**
 * Internal: no compatibility promise. File reads and writes that move big byte arrays in chunks, so that a fresh JVM
 * does not pay for a temporary direct buffer as large as the array.
 */
package dev.patchsite.linker.internal.io;
