package dev.patchsite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method as a <em>runtime-static function</em>: a method whose implementation is chosen once, at
 * boot, from the variants of its group. The method's own body is the <em>default</em> implementation.
 *
 * <p>Callers call the method as they would any static method. The patchsite linker finds every call (a
 * <em>site</em>), records it in the patch-site table, and rewrites the program so that each site is bound to the
 * selected implementation. An unlinked program simply runs the default.
 *
 * <p>The class that declares the method is the function's <em>group</em>: selection is per group, so functions that
 * must switch together (lock and unlock of one lock algorithm) live in one class.
 *
 * <p>The annotation is read from class files by the linker and is not retained at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RuntimeStatic {

    /**
     * The function's stable id, used in the patch-site table. The empty string (the default) means
     * {@code owner.name(descriptor)}, with the owner's binary name, e.g.
     * {@code com.example.SpinLock.slowpath(Lcom/example/QLock;I)V}.
     *
     * @return the id, or the empty string for the default id
     */
    String id() default "";

    /**
     * Whether the function may be re-pointed while the program runs (the kernel's {@code static_call_update}), for
     * instance a tracepoint that is a no-op until switched on. Sites of an updatable function cost nothing while the
     * function points at its default.
     *
     * @return true if the function is updatable
     */
    boolean updatable() default false;
}
