package com.makeitright.worker.sms;

import com.makeitright.worker.WorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The SMS text, checked at start-up (the sender is whatever {@link SmsSender} bean there is, see there). */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsTexts smsTexts(ResourceLoader loader, WorkerProperties properties) {
        return new SmsTexts(loader, properties.templates());
    }
}
