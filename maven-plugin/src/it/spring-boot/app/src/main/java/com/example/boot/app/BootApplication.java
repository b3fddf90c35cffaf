package com.example.boot.app;

import com.example.boot.lib.Greeting;
import com.example.boot.lib.Report;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Prints a greeting (a site in BOOT-INF/classes) and a report line (whose site is in the nested library). */
@SpringBootApplication
public class BootApplication {

    public static void main(String[] args) {
        SpringApplication.run(BootApplication.class, args);
    }

    @Bean
    CommandLineRunner runner() {
        return args -> {
            System.out.println(Greeting.greet("boot")); // site: Greeting.greet #0, in BOOT-INF/classes/
            System.out.println(Report.line("payload"));
        };
    }
}
