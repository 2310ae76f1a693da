package org.imagingexchange.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart lints cleanly and renders one Deployment + Service per component, the retrieval
 * proxy's autoscaler, the shared configuration and the source credentials; {@code k8s/} holds exactly
 * what the chart renders for the values in {@code k8s/values.yaml}.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("imaging-exchange");
    private static final Path K8S_VALUES = Path.of("..", "k8s", "values.yaml");
    private static final Path K8S_MANIFESTS = Path.of("..", "k8s", "base", "imaging-exchange.yaml");
    private static final List<String> COMPONENTS =
            List.of("gateway", "study-registry", "report-store", "retrieval-proxy", "consent", "audit");

    @Test
    void lint_strict_noFailure() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> "expected a clean lint, got " + result.getMessages());
    }

    @Test
    void template_defaults_oneDeploymentAndServicePerComponent() {
        String manifests = render();
        assertAll(COMPONENTS.stream().map(c -> () -> {
            assertTrue(manifests.contains("kind: Deployment\nmetadata:\n  name: " + c + "\n"),
                    () -> "expected a Deployment named " + c);
            assertTrue(manifests.contains("kind: Service\nmetadata:\n  name: " + c + "\n"),
                    () -> "expected a Service named " + c);
        }));
        assertEquals(COMPONENTS.size(), count(manifests, "(?m)^kind: Deployment$"), "Deployments");
        assertEquals(COMPONENTS.size(), count(manifests, "path: /health/ready"), "readiness probes on MP Health");
    }

    @Test
    void template_defaults_onlyRetrievalProxyAutoscales() {
        String manifests = render();
        assertEquals(1, count(manifests, "(?m)^kind: HorizontalPodAutoscaler$"), "autoscalers");
        assertTrue(manifests.contains("kind: HorizontalPodAutoscaler\nmetadata:\n  name: retrieval-proxy\n"),
                "expected the autoscaler to target the retrieval proxy");
    }

    @Test
    void template_withSource_configuresCrawlAndCredentialsFromSecret() {
        String manifests = new Helm(CHART).template().withName("region")
                .set("oidc.issuer", "https://idp.region.invalid/realms/imaging")
                .set("sources[0].id", "hospital-a")
                .set("sources[0].qidoUrl", "https://pacs.hospital-a.invalid/dicom-web")
                .set("sources[0].organizationId", "hospital-a")
                .set("sources[0].credentialsSecret", "pacs-a")
                .call();
        assertAll(
                () -> assertTrue(manifests.contains("EXCHANGE_REGISTRY_SOURCES: \"hospital-a\""), "source list"),
                () -> assertTrue(manifests.contains(
                        "EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_QIDO_URL: \"https://pacs.hospital-a.invalid/dicom-web\""),
                        "source QIDO-RS URL"),
                () -> assertTrue(manifests.contains("name: EXCHANGE_RETRIEVAL_SOURCE_HOSPITAL_A_PASSWORD"),
                        "retrieval credentials from the secret"),
                () -> assertTrue(manifests.contains("OIDC_ISSUER: \"https://idp.region.invalid/realms/imaging\""),
                        "issuer"));
    }

    @Test
    void k8sBase_matchesChartRenderedWithK8sValues() throws IOException {
        String rendered = new Helm(CHART).template().withName("imaging-exchange").withValuesFile(K8S_VALUES).call();
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(K8S_MANIFESTS, rendered);
        }
        String committed = Files.readString(K8S_MANIFESTS);
        assertEquals(normalise(rendered), normalise(committed),
                "k8s/base/imaging-exchange.yaml is out of date: run mvn -pl helm test -Dk8s.regenerate=true");
    }

    private static String render() {
        return new Helm(CHART).template().withName("imaging-exchange").call();
    }

    private static long count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String normalise(String yaml) {
        return String.join("\n", Arrays.stream(yaml.split("\n")).map(String::stripTrailing)
                .filter(l -> !l.isEmpty()).toList());
    }
}
