package org.imagingexchange.registry.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.registry.api.RegistrationFuzzing;

/**
 * Fuzzes the registration intake (MADO manifest Bundle and ImagingStudy, FHIR R4 JSON through HAPI) with
 * arbitrary text, mutated from the seed corpus of valid manifests. The only acceptable failure is a 4xx
 * problem (400 not FHIR, 422 naming what is wrong); anything else is a finding.
 */
class RegistrationReaderFuzzTest {

    @FuzzTest(maxExecutions = 1_000_000)
    void read_anyBody_registrationsOr4xx(FuzzedDataProvider data) {
        boolean bundle = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        try {
            RegistrationFuzzing.read(body, bundle);
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
        }
    }
}
