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

    /** The system property Jakarta Mail's {@code FactoryFinder} reads before it asks the ServiceLoader. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    /** Angus Mail's implementation, the one the ServiceLoader would find (a runtime dependency, named as text). */
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /** The kept-open sender is no bean: a second {@code JavaMailSender} would make Boot's own back off. */
    @Bean
    MailDelivery mailDelivery(JavaMailSenderImpl settings, WorkerProperties properties) {
        nameTheStreamProvider();
        WorkerProperties.Delivery delivery = properties.delivery();
        KeptOpenMailSender sender = new KeptOpenMailSender(settings, KEEP_OPEN, System::nanoTime);
        return new MailDelivery(sender, properties.sender(), properties.replyTo(), delivery.maxAttempts(),
                delivery.backoff(), delivery.maxBackoff(), (Duration wait) -> Thread.sleep(wait.toMillis()));
    }

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up again for every part it encodes, through the ServiceLoader,
     * which scans every jar on the class path each time: the largest cost of building a mail, measured
     * (docs/follow-up-worker.md). Naming the implementation makes the lookup a class-name lookup. Left alone when
     * set already, or when Angus Mail is not there (the ServiceLoader then finds whatever is).
     */
    static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, MailConfiguration.class.getClassLoader());
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        } catch (ClassNotFoundException absent) {
            // another Jakarta Mail implementation: its own lookup stands
        }
    }
}
