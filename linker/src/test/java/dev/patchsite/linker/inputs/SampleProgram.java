package dev.patchsite.linker.inputs;

import dev.patchsite.testdata.Samples;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.objectweb.asm.ClassReader;

/**
 * The registry of good programs that every reader and writer of the core runs over (ASM's {@code PrecompiledClass}
 * is the model): each is a list of inputs, the first those that {@code link} rewrites, the rest its class path.
 */
public enum SampleProgram {

    /** The sample: one multi-release jar, with Java 8 classes and Java 11 ones under {@code META-INF/versions/11}. */
    SAMPLE(true, 1) {
        @Override
        List<Path> inputs() {
            return List.of(Samples.jar(Samples.SAMPLE));
        }
    },
    /** The sample's second version, whose table differs from the first's. */
    SAMPLE_V2(true, 1) {
        @Override
        List<Path> inputs() {
            return List.of(Samples.jar(Samples.SAMPLE_V2));
        }
    },
    /** The sample app's classes as a directory, with the library jar (link rewrites jars only, and says so). */
    DIRECTORY(false, 1) {
        @Override
        List<Path> inputs() {
            return List.of(Samples.dir().resolve("sample-app-classes"), Samples.jar(Samples.SAMPLE_LIB));
        }
    },
    /** A program of two jars linked together: the library that declares the functions, and the app that calls them. */
    MULTI_JAR(true, 2) {
        @Override
        List<Path> inputs() {
            return List.of(Samples.jar(Samples.SAMPLE_LIB), Samples.jar(Samples.SAMPLE_APP));
        }
    },
    /** A third-party jar from the local Maven repository, ASM's own: no function, so link copies it unchanged. */
    THIRD_PARTY(true, 1) {
        @Override
        List<Path> inputs() {
            try {
                return List.of(Path.of(ClassReader.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private final boolean linkable;
    private final int linked;

    SampleProgram(boolean linkable, int linked) {
        this.linkable = linkable;
        this.linked = linked;
    }

    /** Returns the program's inputs: those to link first, then its class path. */
    abstract List<Path> inputs();

    /** Returns whether {@code link} rewrites the program; a directory it refuses. */
    boolean linkable() {
        return linkable;
    }

    /** Returns the inputs that {@code link} rewrites. */
    List<Path> toLink() {
        return inputs().subList(0, linked);
    }

    /** Returns the inputs that are only the class path of a link. */
    List<Path> classpath() {
        return inputs().subList(linked, inputs().size());
    }
}
