package com.example.app;

import com.example.digest.Digest;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Digest.of("app")); // site #0 of Main.main
        System.out.println(Digest.pair("a", "b")); // the group module's own sites
    }
}
