package dev.patchsite.cli;

import dev.patchsite.linker.Labels;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of an enum-typed option, named by the lower-case labels the docs use, in any case: the converter and the
 * completion candidates in one. Picocli instantiates converters by class, hence a subclass per enum.
 *
 * @param <E> the enum
 */
abstract class EnumLabels<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {

    private final List<E> constants;
    private final List<String> labels;

    EnumLabels(Class<E> type) {
        this.constants = Arrays.asList(type.getEnumConstants());
        this.labels = constants.stream().map(Labels::of).toList();
    }

    @Override
    public E convert(String value) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(value)) {
                return constants.get(i);
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", labels) + " but was '" + value
                + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return labels.iterator();
    }
}
