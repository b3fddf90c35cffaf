package dev.patchsite.linker.inputs;

import dev.patchsite.testdata.BadInputs;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The registry of broken inputs that every reader and writer of the core runs over (ASM's {@code InvalidClass} is the
 * model). Each is made by {@link BadInputs}, the one generator of broken inputs the CLI's, the zip reader's and these
 * tests share; each holds classes that call the sample library's functions, so that scanning reads their code.
 */
public enum BrokenInput {

    TRUNCATED_JAR(dir -> BadInputs.truncatedJar(Samples.jar(Samples.SAMPLE), dir.resolve("truncated.jar"))),
    CORRUPT_ENTRY(dir -> BadInputs.corruptEntryJar(dir.resolve("corrupt.jar"))),
    NOT_A_JAR(dir -> BadInputs.notAJar(dir.resolve("not-a.jar"))),
    MALFORMED_CLASS(dir -> BadInputs.malformedClassJar(dir.resolve("malformed.jar"))),
    BAD_MAGIC_DIRECTORY(dir -> BadInputs.badMagicClassDir(dir.resolve("bad-magic"))),
    DUPLICATE_ENTRY(dir -> BadInputs.duplicateEntryJar(dir.resolve("duplicate.jar"))),
    BAD_POOL_INDEX(dir -> BadInputs.badPoolIndexJar(dir.resolve("bad-index.jar"))),
    BAD_POOL_INDEX_DIRECTORY(dir -> BadInputs.badPoolIndexDir(dir.resolve("bad-index"))),
    NEGATIVE_ATTRIBUTE_LENGTH(dir -> BadInputs.negativeAttributeLengthJar(dir.resolve("lines.jar"))),
    RESERVED_FRAME_TYPE(dir -> BadInputs.reservedFrameTypeJar(dir.resolve("frames.jar"))),
    MISNAMED_ENTRY(dir -> BadInputs.misnamedEntryJar(dir.resolve("misnamed.jar"))),
    NUL_NAMED_ENTRY(dir -> BadInputs.nulNamedEntryJar(dir.resolve("nul.jar")));

    private final Maker maker;

    BrokenInput(Maker maker) {
        this.maker = maker;
    }

    /**
     * Writes the broken input.
     *
     * @param dir a directory to write it in
     * @return the input: a jar, a file that is not one, or a directory
     * @throws IOException if writing fails
     */
    Path make(Path dir) throws IOException {
        return maker.make(dir);
    }

    @FunctionalInterface
    private interface Maker {
        Path make(Path dir) throws IOException;
    }
}
