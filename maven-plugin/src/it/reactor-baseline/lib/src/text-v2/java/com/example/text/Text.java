package com.example.text;

import dev.patchsite.RuntimeStatic;

/** The group: render is a function; trim becomes one in v2. The bodies are the defaults. */
public final class Text {

    private Text() {
    }

    // function com.example.text.Text.render(Ljava/lang/String;)Ljava/lang/String;
    @RuntimeStatic
    public static String render(String text) {
        return "default render " + text;
    }

    // function com.example.text.Text.trim(Ljava/lang/String;)Ljava/lang/String; (v2 only)
    @RuntimeStatic
    public static String trim(String text) {
        return "default trim " + text.trim();
    }
}
