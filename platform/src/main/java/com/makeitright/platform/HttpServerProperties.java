package com.makeitright.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP server of every service. Environment: {@code MAKEITRIGHT_HTTP_ACCEPTBACKLOG}.
 *
 * @param acceptBacklog connections the kernel holds for the server until it accepts them (the listen backlog;
 *                      Tomcat's {@code accept-count} is 100); past it a new connection is not taken, and its client's
 *                      connect times out having sent nothing, safe to retry. Netty's default is the kernel's limit
 *                      (4,096): in drill run U intake's queue held ~460 connections whose clients had given up, and
 *                      each new POST waited behind them past the helpdesk's 15 s timeout
 */
@Validated
@ConfigurationProperties("makeitright.http")
public record HttpServerProperties(@Min(1) @Max(65_535) @DefaultValue("128") int acceptBacklog) {
}
