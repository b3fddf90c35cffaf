package com.example.digest.extra;

import java.util.function.BooleanSupplier;

/** Holds when the system property example.wrapped is true; on an ordinary run it does not. */
public final class WrappedProbe implements BooleanSupplier {

    @Override
    public boolean getAsBoolean() {
        return Boolean.getBoolean("example.wrapped");
    }
}
