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
import java.util.stream.Stream;
import org.imagingexchange.testsupport.PromQl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's alert rules (PrometheusRule, rendered with the production values) pass
 * {@code promtool check rules}, behave as {@code src/test/resources/prometheus/alerts-test.yml}
 * says under {@code promtool test rules}, and use only metrics the components really register
 * ({@link RegisteredMetrics}); each alert links the section of docs/runbook.md that says what it means and
 * what to do.
 * promtool comes from the Debian package {@code prometheus} (scripts/lib/install.sh installs it).
 */
class PrometheusRulesTest {

    static final Path WORK = Path.of("target", "prometheus");
    static final Path RULES = WORK.resolve("imaging-exchange-rules.yml");
    private static final Path RUNBOOK = Path.of("..", "docs", "runbook.md");

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
        Set<String> used = new TreeSet<>();
        expressions(Files.readString(RULES)).forEach(e -> used.addAll(PromQl.metricNames(e)));
        assertTrue(used.size() >= 7, () -> "expected the rules' metrics to be found, got " + used);
        assertEquals(List.of(), RegisteredMetrics.unknown(used), "metrics used by alerts but registered by no component");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rules_everyAlertLinksItsRunbookSection() throws IOException {
        Map<String, List<Map<String, Object>>> file = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> alerts = file.get("groups").stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(RUNBOOK)) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
            }
        }
        List<String> missing = alerts.stream()
                .filter(a -> {
                    String link = (String) ((Map<String, Object>) a.get("annotations")).get("runbook");
                    String anchor = a.get("alert").toString().toLowerCase(java.util.Locale.ROOT);
                    return !("docs/runbook.md#" + anchor).equals(link) || !anchors.contains(anchor);
                })
                .map(a -> (String) a.get("alert")).toList();
        assertEquals(List.of(), missing, "alerts without a section of their name in docs/runbook.md that their runbook link names");
    }

    /** @return the rule groups of the PrometheusRule rendered with the production values, as a Prometheus rules file */
    static String rulesFile() {
        return rulesFile(List.of(Manifests.PRODUCTION_VALUES), Map.of());
    }

    /** @return the rule groups of the PrometheusRule rendered with these values, as a Prometheus rules file */
    @SuppressWarnings("unchecked")
    static String rulesFile(List<Path> valuesFiles, Map<String, String> set) {
        Map<String, Object> rule = Manifests.render(valuesFiles, set).get("PrometheusRule", "imaging-exchange");
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        block.setSplitLines(false);
        return new Yaml(block).dump(Map.of("groups", ((Map<String, Object>) rule.get("spec")).get("groups")));
    }

    /** @return the expression of every rule of a Prometheus rules file */
    @SuppressWarnings("unchecked")
    static List<String> expressions(String rulesFile) {
        Map<String, List<Map<String, Object>>> file = new Yaml().load(rulesFile);
        return file.get("groups").stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .map(r -> (String) r.get("expr")).toList();
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
