package com.makeitright.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * DOWN while no broker answers. A stream application stays RUNNING through a broker outage (its threads retry
 * and resume by themselves), so without this a service would look healthy while nothing moves. One
 * {@code describeCluster}, bounded by {@code timeout}; its answer is kept for {@code cacheFor}, so frequent
 * probes cost the broker one request per period and a probe never waits longer than the timeout.
 */
public class KafkaBrokerHealthIndicator implements HealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private final Duration cacheFor;
    private Admin admin;
    private Checked last;

    private record Checked(long atNanos, Health health) {
    }

    public KafkaBrokerHealthIndicator(Map<String, Object> adminConfig, Duration timeout, Duration cacheFor) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        int millis = (int) timeout.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, config.getOrDefault(AdminClientConfig.CLIENT_ID_CONFIG,
                "makeitright") + "-health");
        this.adminConfig = config;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
    }

    @Override
    public synchronized Health health() {
        long now = System.nanoTime();
        if (last == null || now - last.atNanos() >= cacheFor.toNanos()) {
            last = new Checked(now, probe());
        }
        return last.health();
    }

    private Health probe() {
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            Collection<Node> brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetail("brokers", brokers.size())
                    .withDetail("clusterId", String.valueOf(cluster.clusterId().get(timeout.toMillis(),
                            TimeUnit.MILLISECONDS)))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted while asking the brokers").build();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return Health.down()
                    .withDetail("error", "no broker answered within " + timeout + ": " + cause.getClass().getSimpleName())
                    .withDetail("bootstrapServers", String.valueOf(adminConfig.get(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)))
                    .build();
        }
    }

    /** Created on the first probe: a service that is never asked for its health opens no extra connection. */
    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
