package com.example.text;

/** More of the library's own calls, added by -Dlib.extra=sites: sites of the library, none of the application. */
public final class Twice {

    private Twice() {
    }

    public static String render(String text) {
        return Text.render(Text.render(text)); // sites #0 and #1 of Twice.render
    }
}
