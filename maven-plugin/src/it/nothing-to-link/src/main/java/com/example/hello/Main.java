package com.example.hello;

/** A plain application: it calls no runtime-static function, so linking it changes nothing. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("Hello");
    }
}
