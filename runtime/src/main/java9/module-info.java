/**
 * The patchsite runtime: the annotations, the public API, the bootstrap methods and the boot agent. Compiled for
 * Java 9 into {@code META-INF/versions/9/} over the Java 8 classes, so the jar stays usable on Java 8 and is the
 * named module {@code dev.patchsite.runtime} on the module path.
 *
 * <p>{@code java.instrument} is only needed by the agent, which the JVM loads only when {@code -javaagent} or
 * {@code Launcher-Agent-Class} asks for it, and then resolves {@code java.instrument} itself: a static requirement
 * keeps the runtime usable in an image without that module (indy mode, or boot mode without the agent).
 */
module dev.patchsite.runtime {
    requires static java.instrument;

    exports dev.patchsite;
    exports dev.patchsite.runtime;
}
