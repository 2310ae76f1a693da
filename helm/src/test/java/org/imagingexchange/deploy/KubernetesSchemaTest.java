package org.imagingexchange.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every object the chart renders (defaults, production values, and {@code k8s/}) is valid for the
 * Kubernetes 1.35 API with unknown fields rejected; the check itself fails on a wrong object.
 */
class KubernetesSchemaTest {

    @Test
    void render_defaults_everyObjectValid() {
        assertAllValid(Manifests.render(List.of(), Map.of()));
    }

    @Test
    void render_production_everyObjectValid() {
        assertAllValid(Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of()));
    }

    @Test
    void render_onlyGatewayAndConsent_everyObjectValid() {
        Manifests m = Manifests.render(List.of(), Map.of(
                "components.studyRegistry.enabled", "false", "components.reportStore.enabled", "false",
                "components.retrievalProxy.enabled", "false", "components.audit.enabled", "false"));
        assertAllValid(m);
        assertEquals(2, m.ofKind("Deployment").size(), "Deployments of gateway and consent only");
    }

    @Test
    void violation_unknownField_rejected() {
        Map<String, Object> deployment = firstDeployment();
        Map<String, Object> container = Manifests.container(deployment);
        container.put("imagePullPolcy", "Always");
        Optional<String> violation = KubernetesSchema.violation(Manifests.toJson(deployment));
        assertTrue(violation.isPresent() && violation.get().contains("imagePullPolcy"),
                () -> "expected the misspelt field to be rejected, got " + violation);
    }

    @Test
    void violation_wrongScalarType_rejected() {
        Map<String, Object> deployment = firstDeployment();
        Map<String, Object> port = Manifests.at(Manifests.container(deployment), "ports", 0);
        port.put("containerPort", "nine-thousand");
        assertTrue(KubernetesSchema.violation(Manifests.toJson(deployment)).isPresent(),
                "expected a string containerPort to be rejected");
    }

    @Test
    void violation_missingRequiredField_rejected() {
        Map<String, Object> deployment = firstDeployment();
        Manifests.container(deployment).remove("name");
        assertTrue(KubernetesSchema.violation(Manifests.toJson(deployment)).isPresent(),
                "expected a container without name to be rejected");
    }

    private static Map<String, Object> firstDeployment() {
        return Manifests.render(List.of(), Map.of()).ofKind("Deployment").get(0);
    }

    static void assertAllValid(Manifests manifests) {
        assertTrue(manifests.objects().size() > 10, "expected a full rendering");
        List<String> violations = manifests.objects().stream()
                .filter(o -> !KubernetesSchema.isCustomResource(o))
                .map(o -> KubernetesSchema.violation(Manifests.toJson(o)).orElse(null))
                .filter(Objects::nonNull)
                .toList();
        assertEquals(List.of(), violations, "expected every object to be valid for the Kubernetes API");
    }
}
