package dev.patchsite.linker.scan;

import dev.patchsite.linker.table.Site;

/**
 * A site and where its instruction is in the class file, for the linker: the boot agent patches the operand at that
 * offset.
 *
 * @param site the site, with its offset in the method's code
 * @param instruction the offset of the instruction in the class file
 * @param constant the constant pool index the instruction holds
 * @param codeLength the length of the caller method's bytecode
 */
public record LocatedSite(Site site, int instruction, int constant, int codeLength) {
}
