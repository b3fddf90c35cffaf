package dev.patchsite.linker;

import java.util.Locale;

/**
 * The lower-case names by which enums appear on the command line and in tables ({@code boot}, {@code invoke},
 * {@code added}), and their parsing, with one error message for every enum.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * Returns the lower-case name of a constant.
     *
     * @param constant the constant
     * @return e.g. {@code boot} for {@code BOOT}
     */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the constant with the given lower-case name.
     *
     * @param type the enum
     * @param label the lower-case name
     * @param what what the enum is, for the message, e.g. {@code mode}
     * @param <E> the enum type
     * @return the constant
     * @throws IllegalArgumentException if no constant has that name; the message lists the valid names, e.g.
     *     {@code unknown mode "fast"; expected boot, indy or static}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String label, String what) {
        E[] constants = type.getEnumConstants();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < constants.length; i++) {
            if (of(constants[i]).equals(label)) {
                return constants[i];
            }
            expected.append(i == 0 ? "" : i == constants.length - 1 ? " or " : ", ").append(of(constants[i]));
        }
        throw new IllegalArgumentException("unknown " + what + " \"" + label + "\"; expected " + expected);
    }
}
