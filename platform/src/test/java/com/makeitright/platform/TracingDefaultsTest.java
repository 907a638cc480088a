package com.makeitright.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TracingDefaultsTest {

    @Test
    void theOpenTelemetryVariablesNameTheTracesEndpointAsTheSdksReadThem() {
        assertThat(TracingDefaults.endpoint(null, "http://collector:4318")).isEqualTo("http://collector:4318/v1/traces");
        assertThat(TracingDefaults.endpoint(null, "http://collector:4318/")).isEqualTo("http://collector:4318/v1/traces");
        assertThat(TracingDefaults.endpoint("http://c:4318/custom", "http://other:4318")).isEqualTo("http://c:4318/custom");
        assertThat(TracingDefaults.endpoint(null, " ")).isNull();
        assertThat(TracingDefaults.endpoint(null, null)).isNull();
    }

    @Test
    void withoutACollectorNothingIsExportedAndEveryComplaintIsSampled() {
        MockEnvironment environment = new MockEnvironment();
        new TracingDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.containsProperty(TracingDefaults.ENDPOINT)).isFalse();
        assertThat(environment.getProperty(TracingDefaults.SAMPLING)).isEqualTo("1.0");
        assertThat(environment.getProperty(TracingDefaults.CONTEXT_PROPAGATION)).isEqualTo("auto");
    }

    @Test
    void explicitSettingsWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
                .withProperty(TracingDefaults.SAMPLING, "0.25");
        new TracingDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(TracingDefaults.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.getProperty(TracingDefaults.SAMPLING)).isEqualTo("0.25");
    }
}
