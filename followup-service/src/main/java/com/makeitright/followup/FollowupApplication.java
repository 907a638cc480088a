package com.makeitright.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Durable follow-up schedule, promise watch, reopening, prevention and the ops dashboard. */
@SpringBootApplication
@EnableConfigurationProperties(FollowupProperties.class)
public class FollowupApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowupApplication.class, args);
    }
}
