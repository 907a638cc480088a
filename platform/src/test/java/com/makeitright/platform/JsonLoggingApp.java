package com.makeitright.platform;

import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The child application of {@link LogFormatTest}: starts, logs one line, stops. */
@SpringBootConfiguration
class JsonLoggingApp {

    public static void main(String[] args) {
        new SpringApplicationBuilder(JsonLoggingApp.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run(args).close();
        LoggerFactory.getLogger(JsonLoggingApp.class).info("structured hello");
    }
}
