package com.makeitright.worker.mail;

import com.makeitright.worker.WorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;

/** The templates (checked here, at start-up) and the SMTP delivery, from {@code spring.mail.*} and the worker's settings. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailTemplates mailTemplates(ResourceLoader loader, WorkerProperties properties) {
        return new MailTemplates(loader, properties.templates());
    }

    /** Connections idle longer are replaced before a send: well within the 5 minutes servers may wait. */
    static final Duration KEEP_OPEN = Duration.ofSeconds(30);

    /** The kept-open sender is no bean: a second {@code JavaMailSender} would make Boot's own back off. */
    @Bean
    MailDelivery mailDelivery(JavaMailSenderImpl settings, WorkerProperties properties) {
        WorkerProperties.Delivery delivery = properties.delivery();
        KeptOpenMailSender sender = new KeptOpenMailSender(settings, KEEP_OPEN, System::nanoTime);
        return new MailDelivery(sender, properties.sender(), properties.replyTo(), delivery.maxAttempts(),
                delivery.backoff(), delivery.maxBackoff(), (Duration wait) -> Thread.sleep(wait.toMillis()));
    }
}
