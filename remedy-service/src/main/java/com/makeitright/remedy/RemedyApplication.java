package com.makeitright.remedy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Chooses, negotiates and resolves remedies, and keeps the compensation ledger. */
@SpringBootApplication
public class RemedyApplication {

    public static void main(String[] args) {
        SpringApplication.run(RemedyApplication.class, args);
    }
}
