package dev.patchsite.linker.internal.classfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The patch-out instruction: the pops of a void method's arguments from the top of the stack, then nops. */
class PatchOutTest {

    @Test
    void popsFromTheTopTwoOneSlotArgumentsAtOnce() {
        assertEquals(0x000000, PatchOut.instruction("()V"), "nop nop nop");
        assertEquals(0x570000, PatchOut.instruction("(Ljava/lang/Object;)V"), "pop nop nop");
        assertEquals(0x580000, PatchOut.instruction("(ILjava/lang/Object;)V"), "pop2 nop nop");
        assertEquals(0x580000, PatchOut.instruction("(J)V"), "pop2 nop nop");
        assertEquals(0x575857, PatchOut.instruction("(IJI)V"), "pop pop2 pop");
        assertEquals(0x585800, PatchOut.instruction("(DII)V"), "pop2 (the ints) pop2 (the double) nop");
        assertEquals(0x585858, PatchOut.instruction("(IIIIII)V"));
        assertEquals(0x585700, PatchOut.instruction("([J[[Ljava/lang/String;Z)V"), "arrays take one slot");
    }

    @Test
    void aCallWhosePopsDoNotFitOrThatReturnsAValueCannotBePatchedOut() {
        assertEquals(-1, PatchOut.instruction("(JJJI)V"), "pop pop2 pop2 pop2");
        assertEquals(-1, PatchOut.instruction("(IIIIIII)V"));
        assertEquals(-1, PatchOut.instruction("(I)I"));
        assertEquals(-1, PatchOut.instruction("()Ljava/lang/Object;"));
    }
}
