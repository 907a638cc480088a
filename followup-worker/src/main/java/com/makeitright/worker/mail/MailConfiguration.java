package com.makeitright.worker.mail;

import com.makeitright.worker.WorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Duration;

/** The templates (checked here, at start-up) and the SMTP delivery, from {@code spring.mail.*} and the worker's settings. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailTemplates mailTemplates(ResourceLoader loader, WorkerProperties properties) {
        return new MailTemplates(loader, properties.templates());
    }

    @Bean
    MailDelivery mailDelivery(JavaMailSender sender, WorkerProperties properties) {
        WorkerProperties.Delivery delivery = properties.delivery();
        return new MailDelivery(sender, properties.sender(), properties.replyTo(), delivery.maxAttempts(),
                delivery.backoff(), delivery.maxBackoff(), (Duration wait) -> Thread.sleep(wait.toMillis()));
    }
}
