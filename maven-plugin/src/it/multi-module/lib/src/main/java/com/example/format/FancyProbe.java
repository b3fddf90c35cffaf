package com.example.format;

import java.util.function.BooleanSupplier;

/** Holds when the system property example.fancy is true; on an ordinary run it does not, so the default is used. */
public final class FancyProbe implements BooleanSupplier {

    @Override
    public boolean getAsBoolean() {
        return Boolean.getBoolean("example.fancy");
    }
}
