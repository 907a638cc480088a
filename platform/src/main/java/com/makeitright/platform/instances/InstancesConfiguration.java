package com.makeitright.platform.instances;

import com.makeitright.platform.PlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.apache.kafka.streams.StreamsConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads gathered from every instance ({@link Instances}), imported by the services whose HTTP reads sum or list
 * what their partitioned stores hold (followup's insights, remedy's ledger). Not an auto-configuration: a service
 * that routes by key instead (intake) or serves no such read does not advertise itself this way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstancesProperties.class)
public class InstancesConfiguration {

    /** Tells the other instances where this one answers (Kafka Streams' metadata of the group). */
    @Bean
    StreamsBuilderFactoryBeanConfigurer advertiseThisInstance(InstancesProperties properties) {
        return factoryBean -> {
            if (properties.several()) {
                var config = factoryBean.getStreamsConfiguration();
                var self = Instances.hostInfo(properties.advertisedUrl());
                config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
                factoryBean.setStreamsConfiguration(config);
            }
        };
    }

    @Bean
    CallerCredential callerCredential() {
        return new CallerCredential();
    }

    @Bean
    StoreReads storeReads(StreamsBuilderFactoryBean streams, PlatformProperties platform) {
        return new StoreReads(streams, platform);
    }

    @Bean
    Instances instances(StreamsBuilderFactoryBean streams, InstancesProperties properties, StoreReads stores,
                        ObjectProvider<JsonMapper> json) {
        return new Instances(streams, properties, stores, json.getIfAvailable(JsonMapper::new));
    }
}
