package org.imagingexchange.consent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.kit.problem.BadRequestProblem;
import org.junit.jupiter.api.Test;

class PatientIdentifierTest {

    private static final Actor MANAGER = new Actor("s", "", "hospital-a", "hospital-a", "NL", "TREAT",
            Set.of("consent-manager"), null);
    private static final Actor PATIENT = new Actor("p", "patient-1ct1", "exchange-cli", "", "", "",
            Set.of("patient"), "1CT1");

    @Test
    void parse_systemAndValue_splitsAtBar() {
        assertEquals(new PatientIdentifier("urn:oid:1.2", "1CT1"), PatientIdentifier.parse("urn:oid:1.2|1CT1", MANAGER));
    }

    @Test
    void parse_valueOnly_matchesAnySystem() {
        assertEquals(new PatientIdentifier(null, "1CT1"), PatientIdentifier.parse("1CT1", MANAGER));
    }

    @Test
    void parse_emptySystem_matchesEmptyIssuer() {
        assertEquals(new PatientIdentifier("", "1CT1"), PatientIdentifier.parse("|1CT1", MANAGER));
    }

    @Test
    void parse_missingForPatientUser_defaultsToOwnId() {
        assertEquals(new PatientIdentifier(null, "1CT1"), PatientIdentifier.parse(null, PATIENT));
    }

    @Test
    void parse_missingForManagerOrEmptyValue_isBadRequest() {
        assertThrows(BadRequestProblem.class, () -> PatientIdentifier.parse(null, MANAGER));
        assertThrows(BadRequestProblem.class, () -> PatientIdentifier.parse("urn:oid:1.2|", MANAGER));
    }
}
