package com.example.check;

import com.example.greeting.Greeting;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(first());
        System.out.println(second());
    }

    static String first() {
        return Greeting.greet("first"); // site #0 of Main.first, in the baseline
    }

    static String second() {
        return Greeting.greet("second"); // site #0 of Main.second, new: not in the baseline
    }
}
