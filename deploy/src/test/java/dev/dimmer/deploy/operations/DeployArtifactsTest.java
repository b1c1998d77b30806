package dev.dimmer.deploy.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.actor.Role;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.config.ServerSettingsLoader;
import dev.dimmer.core.auth.TokenGrant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The install artifacts in deploy/ hang together: every file parses, and every reference between them (jar and
 * library paths, ports, probe paths, Secret keys, environment variables a dimmer.yml names, scrape targets, rule
 * files, chart values) points at something that exists. No Docker engine or cluster runs here, and Helm is not
 * installed from a registry this machine reaches, so the chart's templates are checked by reading, not rendering.
 */
class DeployArtifactsTest {
    private static final Path DEPLOY = Path.of("").toAbsolutePath();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Z0-9_]+)}");

    @Test
    void shouldBuildANonRootImageOfTheExecutableJarWithAReadinessHealthCheck() throws IOException {
        List<String> instructions = dockerInstructions(DEPLOY.resolve("Dockerfile"));
        List<String> stages = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).endsWith(" AS build");
        List<String> runStage = instructions.subList(instructions.indexOf(stages.get(1)), instructions.size());
        // the executable as the build writes it: pom's finalName and the copy-dependencies directory
        String pom = Files.readString(DEPLOY.resolve("pom.xml"));
        assertThat(pom).contains("<finalName>dimmer</finalName>").contains("${project.build.directory}/lib")
                .contains("<classpathPrefix>lib/</classpathPrefix>");
        assertThat(runStage).contains("COPY --from=build /src/deploy/target/dimmer.jar /opt/dimmer/dimmer.jar",
                "COPY --from=build /src/deploy/target/lib/ /opt/dimmer/lib/");
        assertThat(runStage).anyMatch(i -> i.equals("ENTRYPOINT [\"java\", \"-jar\", \"/opt/dimmer/dimmer.jar\"]"));
        String user = runStage.stream().filter(i -> i.startsWith("USER ")).findFirst().orElseThrow();
        assertThat(user).isEqualTo("USER 10001:10001");
        assertThat(runStage).anyMatch(i -> i.startsWith("CMD [\"server\", \"--host\", \"0.0.0.0\", \"--port\", "
                + "\"8420\"]"));
        assertThat(runStage).contains("EXPOSE 8420");
        // the health check is a script the image copies, and it asks readiness
        assertThat(runStage).contains("COPY deploy/docker-healthcheck.sh /opt/dimmer/healthcheck.sh");
        assertThat(runStage).anyMatch(i -> i.startsWith("HEALTHCHECK ") && i.endsWith(
                "CMD [\"/opt/dimmer/healthcheck.sh\"]"));
        Path script = DEPLOY.resolve("docker-healthcheck.sh");
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(Files.readString(script)).contains("GET /health/readiness");
        // and the build context leaves out what it does not need
        assertThat(Files.readString(DEPLOY.resolve("Dockerfile.dockerignore"))).contains("**/target");
    }

    @Test
    void shouldRunTwoNodesOnePostgresAndAPrometheusThatScrapesBothInCompose(@TempDir Path home) throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml"));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsOnlyKeys("postgres", "dimmer-1", "dimmer-2", "prometheus");
        Set<String> nodeIds = new LinkedHashSet<>();
        for (String node : List.of("dimmer-1", "dimmer-2")) {
            Map<String, Object> service = map(services.get(node));
            Map<String, Object> build = map(service.get("build"));
            assertThat(DEPLOY.resolve(String.valueOf(build.get("context"))).resolve(
                    String.valueOf(build.get("dockerfile"))).normalize()).isEqualTo(DEPLOY.resolve("Dockerfile"));
            assertThat(map(map(service.get("depends_on")).get("postgres")).get("condition"))
                    .isEqualTo("service_healthy");
            Map<String, Object> environment = map(service.get("environment"));
            nodeIds.add(String.valueOf(environment.get("DIMMER_NODE_ID")));
            Path config = mounted(service, String.valueOf(environment.get("DIMMER_CONFIG")));
            // every secret the configuration names comes from the node's environment, and the file loads
            Map<String, String> env = new HashMap<>();
            for (String name : envReferences(Files.readString(config))) {
                assertThat(environment).as(node + " sets " + name).containsKey(name);
                env.put(name, "value-of-" + name);
            }
            ServerSettings settings = new ServerSettingsLoader(env).load(new DimmerHome(home), config, "0.0.0.0",
                    8420);
            assertThat(settings.devMode()).isFalse();
            assertThat(settings.database().url()).isEqualTo("jdbc:postgresql://postgres:5432/dimmer");
            assertThat(settings.grants()).extracting(TokenGrant::actor).anyMatch(a -> a.scrapesOnly());
        }
        assertThat(map(map(services.get("postgres")).get("environment"))).containsEntry("POSTGRES_DB", "dimmer");
        assertThat(nodeIds).as("each node its own id").hasSize(2);
        // Prometheus scrapes both nodes, with the metrics token from a secret, and loads the rules
        Map<String, Object> prometheus = map(services.get("prometheus"));
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Object volume : list(prometheus.get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[0].startsWith("./")) {
                Path host = DEPLOY.resolve(parts[0]).normalize();
                assertThat(host).exists();
                mounts.put(parts[1], host);
            }
        }
        Map<String, Object> scrapeConfig = yaml(mounts.get("/etc/prometheus/prometheus.yml"));
        Map<String, Object> job = map(list(scrapeConfig.get("scrape_configs")).get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/metrics");
        assertThat(map(list(job.get("static_configs")).get(0)).get("targets"))
                .isEqualTo(List.of("dimmer-1:8420", "dimmer-2:8420"));
        String credentials = String.valueOf(map(job.get("authorization")).get("credentials_file"));
        String secret = credentials.substring("/run/secrets/".length());
        assertThat(list(prometheus.get("secrets"))).contains(secret);
        assertThat(map(map(compose.get("secrets")).get(secret)).get("environment")).isEqualTo("DIMMER_METRICS_TOKEN");
        for (Object rules : list(scrapeConfig.get("rule_files"))) {
            assertThat(mounts).containsKey(String.valueOf(rules));
        }
        assertThat(Files.readString(DEPLOY.resolve("compose/example.env"))).contains("DIMMER_DB_PASSWORD=",
                "DIMMER_ADMIN_TOKEN=", "DIMMER_METRICS_TOKEN=", "DIMMER_AUDIT_SIGNING_KEY=");
    }

    @Test
    void shouldReferOnlyToValuesAndHelpersTheChartDefines(@TempDir Path home) throws IOException {
        Path chart = DEPLOY.resolve("helm/dimmer");
        Map<String, Object> meta = yaml(chart.resolve("Chart.yaml"));
        assertThat(meta).containsEntry("apiVersion", "v2").containsEntry("name", "dimmer");
        Map<String, Object> values = yaml(chart.resolve("values.yaml"));
        String helpers = Files.readString(chart.resolve("templates/_helpers.tpl"));
        Map<String, String> kinds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(chart.resolve("templates"))) {
            for (Path template : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(template);
                for (String path : matches(Pattern.compile("\\.Values((?:\\.[A-Za-z]+)+)"), text)) {
                    assertThat(lookup(values, path.substring(1))).as(template.getFileName() + " uses .Values"
                            + path).isNotNull();
                }
                for (String helper : matches(Pattern.compile("include \"([a-z.A-Z]+)\""), text)) {
                    assertThat(helpers).as(template.getFileName() + " includes " + helper)
                            .contains("define \"" + helper + "\"");
                }
                for (String file : matches(Pattern.compile("\\.Files\\.Get \"([^\"]+)\""), text)) {
                    assertThat(chart.resolve(file)).exists();
                }
                Map<String, Object> object = yaml(skeleton(text));
                assertThat(object).as(template.getFileName().toString()).containsKeys("apiVersion", "kind",
                        "metadata");
                kinds.put(String.valueOf(object.get("kind")), text);
            }
        }
        assertThat(kinds).containsOnlyKeys("ConfigMap", "Deployment", "Service", "PodDisruptionBudget",
                "ServiceMonitor", "PrometheusRule");
        String deployment = kinds.get("Deployment");
        assertThat(deployment).contains("replicas: {{ .Values.replicaCount }}", "path: /health/liveness",
                "path: /health/readiness", "mountPath: /etc/dimmer", "value: /etc/dimmer/dimmer.yml",
                "resources:", "secretKeyRef:", "fieldPath: metadata.name");
        assertThat(map(values.get("podSecurityContext")).get("runAsUser")).isEqualTo(10001);
        // the rules the chart ships are the rules promtool checks
        assertThat(Files.readString(chart.resolve("files/dimmer-alerts.yml")))
                .isEqualTo(Files.readString(DEPLOY.resolve("prometheus/dimmer-alerts.yml")));
        // every secret dimmer.yml names is an environment variable the Deployment fills from the Secret
        String config = String.valueOf(values.get("config"))
                .replace("{{ .Values.database.url }}", String.valueOf(lookup(values, "database.url")))
                .replace("{{ .Values.database.user }}", String.valueOf(lookup(values, "database.user")));
        Map<String, String> env = new HashMap<>();
        for (String name : envReferences(config)) {
            assertThat(deployment).as("the Deployment sets " + name).containsPattern(
                    "- name: " + name + "\\s+valueFrom:\\s+secretKeyRef:");
            env.put(name, "value-of-" + name);
        }
        for (String key : map(map(values.get("secrets")).get("keys")).keySet()) {
            assertThat(kinds.get("Deployment") + kinds.get("ServiceMonitor")).contains(".Values.secrets.keys."
                    + key);
        }
        Path file = home.resolve("dimmer.yml");
        Files.writeString(file, config);
        ServerSettings settings = new ServerSettingsLoader(env).load(new DimmerHome(home), file, "0.0.0.0", 8420);
        assertThat(settings.grants()).extracting(g -> g.actor().roles()).contains(Set.of(Role.METRICS));
    }

    @Test
    void shouldRunAsAnUnprivilegedSystemdService() throws Exception {
        Path unit = DEPLOY.resolve("systemd/dimmer.service");
        Map<String, Map<String, List<String>>> sections = ini(Files.readString(unit));
        assertThat(sections).containsOnlyKeys("Unit", "Service", "Install");
        Map<String, List<String>> service = sections.get("Service");
        assertThat(service.get("User")).containsExactly("dimmer");
        assertThat(service.get("ExecStart").get(0)).startsWith("/usr/bin/java -jar /opt/dimmer/dimmer.jar server");
        assertThat(service.get("Environment")).contains("DIMMER_CONFIG=/etc/dimmer/dimmer.yml");
        assertThat(service.get("SuccessExitStatus")).containsExactly("143");
        assertThat(sections.get("Install").get("WantedBy")).containsExactly("multi-user.target");
        Path analyze = Tools.require("systemd-analyze", "part of systemd");
        Tools.Run verify = Tools.run(null, analyze.toString(), "verify", unit.toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
    }

    /** Docker instructions with continuation lines joined and comments dropped. */
    private static List<String> dockerInstructions(Path file) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return instructions;
    }

    /** A template with its control lines dropped and every other action replaced by a plain word: its shape. */
    private static String skeleton(String template) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n")) {
            if (line.strip().startsWith("{{")) {
                continue;
            }
            out.append(line.replaceAll("\\{\\{[^}]*}}", "x")).append('\n');
        }
        return out.toString();
    }

    private static Map<String, Map<String, List<String>>> ini(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> section = null;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                section = new LinkedHashMap<>();
                sections.put(trimmed.substring(1, trimmed.length() - 1), section);
                continue;
            }
            int equals = trimmed.indexOf('=');
            assertThat(equals).as("a key=value line: " + trimmed).isPositive();
            assertThat(section).as("a section before " + trimmed).isNotNull();
            section.computeIfAbsent(trimmed.substring(0, equals), k -> new ArrayList<>())
                    .add(trimmed.substring(equals + 1).replaceAll("^\"|\"$", ""));
        }
        return sections;
    }

    private static Path mounted(Map<String, Object> service, String containerPath) {
        for (Object volume : list(service.get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].equals(containerPath)) {
                Path host = DEPLOY.resolve(parts[0]).normalize();
                assertThat(host).exists();
                return host;
            }
        }
        throw new AssertionError("nothing is mounted at " + containerPath);
    }

    private static Set<String> envReferences(String text) {
        return new LinkedHashSet<>(matches(ENV_REFERENCE, text));
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Object lookup(Map<String, Object> values, String dotted) {
        Object current = values;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return null;
            }
            current = map.get(part);
        }
        return current == null ? "" : current;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return yaml(Files.readString(file));
    }

    private static Map<String, Object> yaml(String text) {
        Object loaded = new Yaml().load(text);
        assertThat(loaded).isInstanceOf(Map.class);
        return map(loaded);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
