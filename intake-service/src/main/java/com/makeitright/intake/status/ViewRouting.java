package com.makeitright.intake.status;

import com.makeitright.platform.instances.CallerCredential;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Tells the other instances where this one answers for the partitions it holds (Kafka Streams' metadata). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ViewRoutingProperties.class)
class ViewRouting {

    /** The caller's bearer credential for a forwarded read (the filter followup and remedy use too). */
    @Bean
    CallerCredential callerCredential() {
        return new CallerCredential();
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer advertiseThisInstance(ViewRoutingProperties routing) {
        return factoryBean -> {
            if (routing.routing()) {
                var config = factoryBean.getStreamsConfiguration();
                var self = ViewOwners.hostInfo(routing);
                config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
                factoryBean.setStreamsConfiguration(config);
            }
        };
    }
}
