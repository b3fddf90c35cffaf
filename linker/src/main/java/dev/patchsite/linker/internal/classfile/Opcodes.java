package dev.patchsite.linker.internal.classfile;

/**
 * The opcodes patchsite reads, and instruction lengths of the JVM instruction set (JVMS 6.5), for walking bytecode
 * without decoding it.
 */
public final class Opcodes {

    public static final int LDC = 0x12;
    public static final int LDC_W = 0x13;
    static final int IINC = 0x84;
    static final int TABLESWITCH = 0xaa;
    static final int LOOKUPSWITCH = 0xab;
    public static final int INVOKESTATIC = 0xb8;
    public static final int INVOKEDYNAMIC = 0xba;
    static final int WIDE = 0xc4;

    /** Fixed lengths by opcode; 0 marks an opcode of variable length or one invalid in a class file. */
    private static final byte[] LENGTHS = new byte[256];

    static {
        String fixed = ""
                // 0x00-0x0f: constants
                + "1111111111111111"
                // 0x10-0x1f: bipush sipush ldc ldc_w ldc2_w iload lload fload dload aload, then xload_n
                + "2323322222111111"
                // 0x20-0x2f: xload_n, xaload
                + "1111111111111111"
                // 0x30-0x3f: xaload, istore..astore, xstore_n
                + "1111112222211111"
                // 0x40-0x4f
                + "1111111111111111"
                // 0x50-0x5f: xastore, stack ops
                + "1111111111111111"
                // 0x60-0x6f: arithmetic
                + "1111111111111111"
                // 0x70-0x7f
                + "1111111111111111"
                // 0x80-0x8f: iinc at 0x84
                + "1111311111111111"
                // 0x90-0x9f: conversions, comparisons, if<cond> from 0x99
                + "1111111113333333"
                // 0xa0-0xaf: if_icmp..jsr, ret, tableswitch, lookupswitch, returns
                + "3333333332001111"
                // 0xb0-0xbf: returns, field access, invokes, new, newarray, anewarray, arraylength, athrow
                + "1133333335532311"
                // 0xc0-0xc9: checkcast instanceof monitorenter monitorexit wide multianewarray ifnull ifnonnull
                // goto_w jsr_w
                + "3311043355";
        for (int i = 0; i < fixed.length(); i++) {
            LENGTHS[i] = (byte) (fixed.charAt(i) - '0');
        }
    }

    private Opcodes() {
    }

    /** Returns the length of the instruction at {@code pc}, or 0 if its opcode is invalid. */
    public static int length(ClassBuffer buffer, int code, int pc) {
        int opcode = buffer.u1(code + pc);
        int length = LENGTHS[opcode];
        if (length > 0) {
            return length;
        }
        int padded = pc + 1 + (3 - (pc % 4));
        return switch (opcode) {
            case TABLESWITCH -> {
                int low = buffer.s4(code + padded + 4);
                int high = buffer.s4(code + padded + 8);
                long entries = (long) high - low + 1;
                yield entries < 0 || entries > 0xffff ? 0 : padded - pc + 12 + (int) entries * 4;
            }
            case LOOKUPSWITCH -> {
                int pairs = buffer.s4(code + padded + 4);
                yield pairs < 0 || pairs > 0xffff ? 0 : padded - pc + 8 + pairs * 8;
            }
            case WIDE -> buffer.u1(code + pc + 1) == IINC ? 6 : 4;
            default -> 0;
        };
    }
}
