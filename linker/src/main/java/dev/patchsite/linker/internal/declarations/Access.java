package dev.patchsite.linker.internal.declarations;

import org.objectweb.asm.Opcodes;

/** Access levels of classes and methods, ordered from least to most accessible. */
enum Access {
    PRIVATE("private"), PACKAGE("package-private"), PROTECTED("protected"), PUBLIC("public");

    private final String word;

    Access(String word) {
        this.word = word;
    }

    /** Returns the level given by access flags. */
    static Access of(int flags) {
        if ((flags & Opcodes.ACC_PUBLIC) != 0) {
            return PUBLIC;
        }
        if ((flags & Opcodes.ACC_PROTECTED) != 0) {
            return PROTECTED;
        }
        return (flags & Opcodes.ACC_PRIVATE) != 0 ? PRIVATE : PACKAGE;
    }

    /** Returns the level at which a method of a class can be reached: the lesser of the two. */
    static Access effective(ClassInfo owner, ClassInfo.MethodInfo method) {
        Access classLevel = of(owner.access());
        Access methodLevel = of(method.access());
        return classLevel.compareTo(methodLevel) < 0 ? classLevel : methodLevel;
    }

    /**
     * Returns whether code that can reach a method at level {@code needed} in package {@code neededPackage} can
     * also reach one at this level in package {@code ownPackage}.
     */
    boolean covers(Access needed, String ownPackage, String neededPackage) {
        if (this == PUBLIC) {
            return true;
        }
        if (this == PRIVATE || needed == PUBLIC) {
            return false;
        }
        return ownPackage.equals(neededPackage);
    }

    /** Returns the Java word for the level, e.g. {@code package-private}. */
    String word() {
        return word;
    }
}
