/**
 * Internal: no compatibility promise. The scan cache: what each class entry of a jar contributed to the last scan
 * ({@link dev.patchsite.linker.internal.cache.ClassFacts}), kept on disk per jar and keyed by what the jar's central
 * directory says of the entry (name, CRC-32, sizes), so that a scan of an unchanged entry reads nothing of it.
 * {@link dev.patchsite.linker.internal.cache.ScanCache} is the directory, {@link
 * dev.patchsite.linker.internal.cache.JarCache} one jar's records (a base and a delta); the file format is {@code CacheFile}'s. Beside
 * them, a whole program's table and the messages its scan logged ({@link
 * dev.patchsite.linker.internal.cache.RecordingLog}), under a key the scan makes of the program's jars; its format is
 * {@code TableFile}'s.
 */
package dev.patchsite.linker.internal.cache;
