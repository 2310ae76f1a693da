package org.imagingexchange.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's alert rules (PrometheusRule, rendered with the production values) pass
 * {@code promtool check rules}, behave as {@code src/test/resources/prometheus/alerts-test.yml}
 * says under {@code promtool test rules}, and use only metrics the components really register.
 * promtool comes from the Debian package {@code prometheus} (scripts/lib/install.sh installs it).
 */
class PrometheusRulesTest {

    static final Path WORK = Path.of("target", "prometheus");
    static final Path RULES = WORK.resolve("imaging-exchange-rules.yml");
    private static final Path REPO = Path.of("..");
    private static final Pattern METRIC_IN_EXPR = Pattern.compile("([a-z_][a-z0-9_]*)\\{");
    private static final Pattern REGISTERED = Pattern.compile("\\.name\\(\"([a-z_][a-z0-9_]*)\"\\)");

    @BeforeAll
    static void writeRules() throws IOException {
        Files.createDirectories(WORK);
        Files.writeString(RULES, rulesFile());
        Files.copy(Path.of("src/test/resources/prometheus/alerts-test.yml"), WORK.resolve("alerts-test.yml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void promtool_checkRules_valid() throws Exception {
        String out = promtool("check", "rules", RULES.getFileName().toString());
        assertTrue(out.contains("SUCCESS: 9 rules found"), () -> "expected the nine rules to pass, got " + out);
    }

    @Test
    void promtool_testRules_everyAlertFiresOnItsFailureOnly() throws Exception {
        String out = promtool("test", "rules", "alerts-test.yml");
        assertTrue(out.contains("SUCCESS"), () -> "expected the alert unit tests to pass, got " + out);
    }

    @Test
    void rules_useOnlyMetricsTheComponentsRegister() throws IOException {
        Set<String> registered = registeredMetrics();
        Set<String> used = new TreeSet<>();
        Matcher m = METRIC_IN_EXPR.matcher(Files.readString(RULES));
        while (m.find()) {
            used.add(m.group(1));
        }
        assertTrue(used.size() >= 7, () -> "expected the rules' metrics to be found, got " + used);
        List<String> unknown = used.stream().filter(u -> !u.equals("up") && !registered.contains(base(u))).toList();
        assertEquals(List.of(), unknown, "metrics used by alerts but registered by no component; registered: " + registered);
    }

    /** @return the rule groups of the rendered PrometheusRule as a Prometheus rules file */
    @SuppressWarnings("unchecked")
    static String rulesFile() {
        Map<String, Object> rule = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of())
                .get("PrometheusRule", "imaging-exchange");
        return new Yaml().dump(Map.of("groups", ((Map<String, Object>) rule.get("spec")).get("groups")));
    }

    /** @return names given to Prometheus metric builders in the components' and libraries' code */
    static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String dir : List.of("gateway", "services", "libs")) {
            try (Stream<Path> files = Files.walk(REPO.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main")).toList()) {
                    Matcher m = REGISTERED.matcher(Files.readString(f));
                    while (m.find()) {
                        names.add(base(m.group(1)));
                    }
                }
            }
        }
        return names;
    }

    /** Exposition suffixes of counters and histograms removed: the name given to the builder. */
    static String base(String metric) {
        return metric.replaceAll("_(bucket|count|sum|total|created)$", "");
    }

    static String promtool(String... args) throws IOException, InterruptedException {
        Path promtool = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Path::of)
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("promtool missing: install the Debian package prometheus "
                        + "(scripts/lib/install.sh ensure_debian_packages does)"));
        List<String> command = Stream.concat(Stream.of(promtool.toString()), Stream.of(args)).toList();
        Process p = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, p.exitValue(), () -> "promtool " + String.join(" ", args) + " failed:\n" + out);
        return out;
    }
}
