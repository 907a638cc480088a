package com.makeitright.system;

import com.makeitright.testing.CommittedContract;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is generated from what the code declares: every {@code @ConfigurationProperties} setting of
 * platform and the four services (the configuration processor's metadata: name, type, default, the javadoc as its
 * meaning) and every value each service's {@code application.yml} takes from an environment variable
 * ({@code ${VARIABLE:default}}), whose default then wins. A setting added, removed or changed fails here until
 * the table is regenerated: {@value #REGENERATE}.
 */
class ConfigurationTableTest {

    static final String REGENERATE = "./mvnw -pl system-tests -am test -Dtest=ConfigurationTableTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dconfiguration.write=true";
    private static final List<String> MODULES = List.of("platform", "intake-service", "triage-service",
            "remedy-service", "followup-service", "followup-worker");
    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):(.*)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theConfigurationTableIsWhatTheCodeDeclares() throws IOException {
        Path root = CommittedContract.inRepository("");
        StringBuilder table = new StringBuilder("""
                # Configuration

                Every setting of the services, generated from the code by `ConfigurationTableTest` (system-tests): the
                `@ConfigurationProperties` metadata of `platform` and each service, and the environment variables each
                service's `application.yml` reads. Set a setting by its environment variable, or by its property name in
                any way Spring Boot reads configuration (`--name=value`, `SPRING_APPLICATION_JSON`, a config file). Where
                a service names a short variable in its `application.yml`, that one is shown; Spring Boot's relaxed name
                (upper case, `.` as `_`, `-` removed) works for every setting too. `platform` settings apply to every
                service. A nonsense value stops the start with a message naming the setting.

                Besides these: `LOG_FORMAT` (`text`, the default, or `json` for one ECS JSON object per line;
                `logstash`, `gelf`), and the JVM settings of the local stack (`SERVICE_JAVA_OPTS`, docs/local-stack.md).

                Regenerate after changing a setting: `%s`.
                """.formatted(REGENERATE));

        // a platform setting a service names in its application.yml keeps platform's meaning
        Map<String, Setting> platform = new TreeMap<>();
        metadata(root.resolve("platform")).forEach(setting -> platform.put(setting.property, setting));
        for (String module : MODULES) {
            Map<String, Setting> settings = new TreeMap<>();
            metadata(root.resolve(module)).forEach(setting -> settings.put(setting.property, setting));
            environmentVariables(root.resolve(module)).forEach((property, variable) -> settings.merge(property,
                    platform.getOrDefault(property, new Setting(property, variable.name, variable.fallback, "", ""))
                            .withVariable(variable.name, variable.fallback),
                    (declared, fromYaml) -> declared.withVariable(fromYaml.variable, fromYaml.fallback)));
            assertThat(settings).as("settings of " + module).isNotEmpty();

            table.append("\n## ").append(module).append("\n\n")
                    .append("| setting | environment variable | default | meaning |\n|---|---|---|---|\n");
            settings.values().forEach(setting -> table.append(setting.row()).append('\n'));
        }

        CommittedContract.assertMatches(table.toString(), root.resolve("docs/configuration.md"), REGENERATE,
                "configuration.write");
    }

    private static List<Setting> metadata(Path module) throws IOException {
        Path file = module.resolve("target/classes/META-INF/spring-configuration-metadata.json");
        if (!Files.exists(file)) {
            return List.of(); // a module without @ConfigurationProperties of its own
        }
        JsonNode properties = JSON.readTree(file.toFile()).path("properties");
        return properties.valueStream().map(node -> new Setting(node.get("name").asString(),
                relaxedVariable(node.get("name").asString()), text(node.get("defaultValue")),
                node.path("description").asString(""), simpleType(node.path("type").asString("")))).toList();
    }

    /** property -> the variable and default of each {@code ${VARIABLE:default}} in the module's application.yml. */
    private static Map<String, Variable> environmentVariables(Path module) throws IOException {
        Map<String, Variable> found = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(module.resolve("src/main/resources/application.yml"))) {
            Map<String, Object> yaml = new Yaml().load(in);
            flatten("", yaml, found);
        } catch (java.nio.file.NoSuchFileException noYaml) {
            return found;
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, Variable> found) {
        node.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child) {
                flatten(name, (Map<String, Object>) child, found);
            } else if (value != null) {
                Matcher matcher = FROM_ENVIRONMENT.matcher(String.valueOf(value));
                if (matcher.matches()) {
                    found.put(name, new Variable(matcher.group(1), matcher.group(2)));
                }
            }
        });
    }

    static String relaxedVariable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isArray() ? String.join(", ", value.valueStream().map(JsonNode::asString).toList()) : value.asString();
    }

    private static String simpleType(String type) {
        return type.replaceAll("[a-z0-9_.]+\\.([A-Z])", "$1").replace('$', '.');
    }

    private record Variable(String name, String fallback) {
    }

    private record Setting(String property, String variable, String fallback, String meaning, String type) {

        Setting withVariable(String shortVariable, String yamlDefault) {
            return new Setting(property, shortVariable, yamlDefault, meaning, type);
        }

        String row() {
            String shown = fallback.isEmpty() ? "" : "`" + fallback + "`";
            String what = meaning.isEmpty() ? "(Spring Boot's own setting)" : meaning;
            if (!type.isEmpty()) {
                what = what + " (" + type + ")";
            }
            return "| `" + property + "` | `" + variable + "` | " + shown + " | " + cell(what) + " |";
        }

        private static String cell(String text) {
            return text.replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`").replace("|", "\\|").replace("\n", " ")
                    .replaceAll("\\s+", " ").trim();
        }
    }
}
