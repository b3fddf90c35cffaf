package com.example.repro;

import com.example.greeting.Greeting;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Greeting.greet("repro")); // site #0 of Main.main
    }
}
