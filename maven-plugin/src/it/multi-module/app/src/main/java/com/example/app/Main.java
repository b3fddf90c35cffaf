package com.example.app;

import com.example.format.Format;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Format.render("app")); // site #0 of Main.main
        System.out.println(Format.both("lib")); // the library's own sites
    }
}
