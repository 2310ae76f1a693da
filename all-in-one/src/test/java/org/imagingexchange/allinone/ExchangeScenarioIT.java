package org.imagingexchange.allinone;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.imagingexchange.demo.DemoConfig;
import org.imagingexchange.demo.DemoScenario;
import org.imagingexchange.demo.ScenarioResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: the demo scenario against the all-in-one server (on PostgreSQL), the real Keycloak and
 * the real Orthanc demo PACS loaded with the sample DICOM and the DIMSE-only Orthanc LEGACY_PACS, all started by
 * {@code ./exchange test}.
 */
class ExchangeScenarioIT {

    @BeforeAll
    static void awaitEveryComponent() throws InterruptedException {
        PlatformReady.await(Duration.ofMinutes(5));
    }

    @Test
    void scenario_realPeersAndPlatform_everyStepHolds() {
        String platform = "http://127.0.0.1:" + System.getProperty("it.http.port");
        Map<String, String> settings = Map.of(
                "GATEWAY_URL", platform,
                "PLATFORM_URL", platform,
                "KEYCLOAK_URL", System.getProperty("it.keycloak.url"),
                "PACS_URL", System.getProperty("it.orthanc.url"),
                "LEGACY_PACS_URL", System.getProperty("it.legacy.url"),
                "REGISTRY_DICOM_PORT", System.getProperty("it.dimse.port", "19191"));
        ScenarioResult result = new DemoScenario(DemoConfig.from(settings::get), System.out).run();
        assertTrue(result.passed(), () -> "expected every scenario check to hold, but " + result.summary()
                + " after " + result.checks().size() + " checks: " + result.checks());
    }
}
