package com.example.cache;

import com.example.greeting.Greeting;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Greeting.greet("cached")); // site #0 of Main.main
    }
}
