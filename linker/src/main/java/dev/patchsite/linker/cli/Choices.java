package dev.patchsite.linker.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A lower-case option value from a fixed list: the converter and the completion candidates in one. */
abstract class Choices implements ITypeConverter<String>, Iterable<String> {

    private final List<String> values;

    Choices(String... values) {
        this.values = List.of(values);
    }

    @Override
    public String convert(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!values.contains(lower)) {
            throw new TypeConversionException("expected one of " + String.join(", ", values) + " but was '" + value
                    + "'");
        }
        return lower;
    }

    @Override
    public Iterator<String> iterator() {
        return values.iterator();
    }
}
