package dev.patchsite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.BooleanSupplier;

/**
 * Marks a class as a <em>variant</em> of a group: its static methods with the same name and descriptor as the
 * group's {@link RuntimeStatic} functions implement them. A function the variant omits keeps the default.
 *
 * <pre>{@code
 * @Variant(of = SpinLock.class, name = "numa", when = NumaProbe.class, priority = 10)
 * public final class NumaSpinLock {
 *     public static void slowpath(QLock lock, int val) { ... }
 * }
 * }</pre>
 *
 * <p>Inside a variant, a call to a function the variant implements means the default implementation (a
 * <em>super-call</em>): it never recurses into the variant.
 *
 * <p>The annotation is read from class files by the linker and is not retained at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Variant {

    /**
     * The group: the class that declares the functions this variant implements.
     *
     * @return the group class
     */
    Class<?> of();

    /**
     * The variant's name, unique within its group; used by {@code -Dpatchsite.select.<group>=<name>} and in the
     * patch-site table.
     *
     * @return the variant name
     */
    String name();

    /**
     * The probe that decides at boot whether this variant applies. It must be a public class implementing
     * {@link BooleanSupplier} with a public no-argument constructor; it is evaluated at most once. The default,
     * {@link Never}, means the variant is chosen only when selected explicitly.
     *
     * @return the probe class
     */
    Class<? extends BooleanSupplier> when() default Never.class;

    /**
     * Among the variants whose probe holds, the one with the highest priority is selected; ties are broken by name.
     *
     * @return the priority
     */
    int priority() default 0;

    /** A probe that never holds: the variant is used only when selected explicitly. */
    final class Never implements BooleanSupplier {
        /** Creates the probe. */
        public Never() {
        }

        @Override
        public boolean getAsBoolean() {
            return false;
        }
    }

    /** A probe that always holds: the variant is used unless one of higher priority also applies. */
    final class Always implements BooleanSupplier {
        /** Creates the probe. */
        public Always() {
        }

        @Override
        public boolean getAsBoolean() {
            return true;
        }
    }
}
