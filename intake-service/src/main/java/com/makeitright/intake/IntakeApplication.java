package com.makeitright.intake;

import com.makeitright.intake.contacts.RepeatContactProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** HTTP front door for helpdesk frontends and the complaint status view. */
@SpringBootApplication
@EnableConfigurationProperties({IntakeProperties.class, CustomerLinksProperties.class, RepeatContactProperties.class})
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
