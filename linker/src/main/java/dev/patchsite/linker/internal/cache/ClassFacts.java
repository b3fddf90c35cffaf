package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.table.Site;
import java.util.BitSet;
import java.util.List;

/**
 * What one class entry contributes to a scan, as the scan found it: what its constant pool says (the owners of the
 * methods it calls, folded into 128 bits, and its superclass's name hash), the class as validation reads it if the
 * scan read it whole (it declares functions or variants, or the declarations' checks looked it up), and its sites.
 * Everything but the sites depends on the class alone; the sites depend on the program's functions too, so a jar's
 * cache says which functions its sites were found with.
 *
 * @param superHash the hash of the superclass's internal name, or 0 for none
 * @param owners0 the low 64 bits of the class's owner bloom
 * @param owners1 the high 64 bits of the class's owner bloom
 * @param declares whether the pool names {@code @RuntimeStatic} or {@code @Variant}
 * @param declaration the class as validation reads it, with an empty location; null if the scan did not read it
 * @param sites the class's sites as scanned (linked forms as they are, without super-call marks), or null for none
 * @param callsDefault the indexes of the sites that, in a linked form, call the default; null when there are no sites
 */
public record ClassFacts(int superHash, long owners0, long owners1, boolean declares, ClassInfo declaration,
        List<Site> sites, BitSet callsDefault) {

    /**
     * Returns a class as validation reads it, located at the given place, for messages.
     *
     * @param declaration the class, e.g. with the empty location a cache file gives it
     * @param location where the class is, e.g. {@code app.jar!/a/B.class}
     * @return the class with that location
     */
    static ClassInfo located(ClassInfo declaration, String location) {
        return new ClassInfo(declaration.name(), declaration.access(), declaration.superName(),
                declaration.interfaces(), declaration.methods(), declaration.variant(), location,
                declaration.version());
    }
}
