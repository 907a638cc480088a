package com.makeitright.platform;

import io.netty.channel.ChannelOption;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * problem+json for every HTTP error of a reactive service: the advice for what handlers throw, and a fallback for
 * whatever it does not answer. And a bounded listen backlog ({@link HttpServerProperties}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(HttpServerProperties.class)
@Import(ProblemDetailsAdvice.class)
public class WebPlatformAutoConfiguration {

    @Bean
    ProblemFallback problemFallback() {
        return new ProblemFallback();
    }

    @Bean
    NettyServerCustomizer boundedAcceptBacklog(HttpServerProperties properties) {
        return server -> server.option(ChannelOption.SO_BACKLOG, properties.acceptBacklog());
    }
}
