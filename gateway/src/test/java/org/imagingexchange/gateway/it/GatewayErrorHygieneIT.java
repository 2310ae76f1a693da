package org.imagingexchange.gateway.it;

import java.util.List;
import org.imagingexchange.testsupport.BadInputCorpus;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the gateway's own container answers to malformed request heads, before any routing: a problem
 * (OperationOutcome on {@code /fhir/}) with no stack frame, class name or internal URL; the web
 * container's fixed 400 for escapes it cannot decode. Needs no backend.
 */
class GatewayErrorHygieneIT {

    @BeforeAll
    static void awaitReady() throws InterruptedException {
        Http.awaitReady(300);
    }

    static List<BadInputCorpus.Case> frontDoor() {
        return BadInputCorpus.forFrontDoor("/fhir/DiagnosticReport", Tokens.of("radiologist-a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontDoor")
    void malformedRequestHead_cleanProblemWithoutInternals(BadInputCorpus.Case c) {
        BadInputCorpus.assertClean(c, BadInputCorpus.send(Integer.getInteger("it.http.port", 19080), c));
    }
}
