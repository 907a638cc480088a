package com.makeitright.cli.docker;

import com.makeitright.cli.stack.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.makeitright.cli.docker.ComposeFileTest.list;
import static com.makeitright.cli.docker.ComposeFileTest.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observability files in {@code ops/} stay true to the code and to compose: Prometheus scrapes every service
 * compose runs, at its port and Actuator path; the Grafana dashboard queries only metrics that
 * docs/operations.md documents (and the tests there read from the services), from the data source Grafana is
 * provisioned with; and Prometheus and Grafana start only under the {@code observability} profile.
 */
class OpsFilesTest {

    private static final Pattern OUR_METRIC = Pattern.compile("makeitright_[a-z_]+");

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    static void read() throws IOException {
        root = ComposeFileTest.repositoryRoot();
        services = map(yaml("docker-compose.yml").get("services"));
    }

    @Test
    void prometheusScrapesEveryServiceAtItsActuatorEndpoint() throws IOException {
        List<Object> jobs = listOf(yaml("ops/prometheus.yml").get("scrape_configs"));
        assertThat(jobs).hasSize(1);
        Map<String, Object> job = map(jobs.get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = new ArrayList<>();
        for (Object config : listOf(job.get("static_configs"))) {
            targets.addAll(list(map(config).get("targets")));
        }

        List<String> expected = Component.SERVICES.stream()
                .map(service -> service.module().orElseThrow() + ":" + service.defaultPort()).toList();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        expected.forEach(target -> assertThat(services).containsKey(target.substring(0, target.indexOf(':'))));
    }

    @Test
    void theDashboardQueriesOnlyDocumentedMetricsFromTheProvisionedDataSource() throws IOException {
        String dashboard = Files.readString(root.resolve("ops/grafana/dashboards/make-it-right.json"));
        String operations = Files.readString(root.resolve("docs/operations.md"));
        Set<String> queried = new TreeSet<>();
        Matcher matcher = OUR_METRIC.matcher(dashboard);
        while (matcher.find()) {
            queried.add(matcher.group().replaceAll("_(sum|count|max|bucket)$", ""));
        }

        assertThat(queried).as("our metrics on the dashboard").hasSizeGreaterThanOrEqualTo(8);
        assertThat(queried).allSatisfy(name -> assertThat(operations).as(name + " in docs/operations.md")
                .contains("`" + name));

        Map<String, Object> source = map(listOf(yaml("ops/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0));
        assertThat(source.get("url")).isEqualTo("http://prometheus:9090");
        Matcher uids = Pattern.compile("\"uid\": \"([^\"]+)\"").matcher(dashboard);
        Set<String> used = new TreeSet<>();
        while (uids.find()) {
            used.add(uids.group(1));
        }
        used.remove("make-it-right"); // the dashboard's own uid
        assertThat(used).containsExactly(String.valueOf(source.get("uid")));
    }

    @Test
    void prometheusAndGrafanaRunOnlyUnderTheObservabilityProfileWithTheOpsFiles() {
        for (String name : List.of("prometheus", "grafana")) {
            Map<String, Object> service = map(services.get(name));
            assertThat(service).as(name + " in docker-compose.yml").isNotNull();
            assertThat(list(service.get("profiles"))).containsExactly("observability");
            for (String volume : list(service.get("volumes"))) {
                String host = volume.substring(0, volume.indexOf(':'));
                if (host.startsWith("./.run/")) {
                    continue; // made by `./complaints up` (the ops key), not part of the repository
                }
                assertThat(root.resolve(host)).as(volume + " exists").exists();
            }
        }
        assertThat(list(map(services.get("grafana")).get("volumes")))
                .anyMatch(volume -> volume.startsWith("./ops/grafana/dashboards:"));
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(root.resolve(file))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object value) {
        return (List<Object>) value;
    }
}
