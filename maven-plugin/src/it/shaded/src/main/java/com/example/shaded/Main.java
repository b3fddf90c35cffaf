package com.example.shaded;

import com.example.greeting.Greeting;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Greeting.greet("shaded")); // site #0 of Main.main
        System.out.println(Greeting.hello("library")); // through the library's own site
    }
}
