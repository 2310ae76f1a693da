package org.imagingexchange.consent.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hl7.fhir.r4.model.Consent;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Fuzzes the consent service's FHIR intake: a {@code POST /fhir/Consent} body parsed by HAPI and mapped to
 * a directive ({@link FhirConsentMapper}). The only acceptable failure is a 4xx problem (400 not FHIR,
 * 422 naming the element); anything else is a finding.
 */
class ConsentIntakeFuzzTest {

    private static final FhirJson FHIR = new FhirJson();

    static {
        FHIR.init();
    }

    @FuzzTest(maxExecutions = 1_000_000)
    void intake_anyBody_directiveOr4xx(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        try {
            FhirConsentMapper.toDirective(FHIR.parse(body, Consent.class));
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
        }
    }
}
