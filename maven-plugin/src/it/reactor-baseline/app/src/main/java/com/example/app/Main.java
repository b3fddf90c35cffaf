package com.example.app;

import com.example.text.Text;
import com.example.text.Texts;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Text.render("app")); // site #0 of Main.main
        System.out.println(Text.trim(" app ")); // a site #0 of Main.main once trim is a function (v2)
        System.out.println(Texts.label("lib")); // the library's own site
    }
}
