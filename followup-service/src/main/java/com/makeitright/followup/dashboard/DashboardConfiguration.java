package com.makeitright.followup.dashboard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The dashboard's read model, the feed that keeps it from the topics, and the push to open pages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration {

    @Bean
    DashboardModel dashboardModel(DashboardProperties properties) {
        return new DashboardModel(properties);
    }

    @Bean
    DashboardPush dashboardPush() {
        return new DashboardPush();
    }

    @Bean
    DashboardFeed dashboardFeed(KafkaProperties kafka, DashboardModel model, DashboardPush push,
                                DashboardProperties properties, Clock clock) {
        return new DashboardFeed(kafka.buildConsumerProperties(), model, push, properties, clock);
    }
}
