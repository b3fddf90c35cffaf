package com.example.text;

/** The library's own use of its group. */
public final class Texts {

    private Texts() {
    }

    public static String label(String text) {
        return Text.render(text); // site #0 of Texts.label
    }
}
