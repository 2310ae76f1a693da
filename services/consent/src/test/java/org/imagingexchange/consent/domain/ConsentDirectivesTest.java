package org.imagingexchange.consent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.imagingexchange.consent.client.Decision;
import org.imagingexchange.kit.context.Actor;
import org.junit.jupiter.api.Test;

class ConsentDirectivesTest {

    static final Actor MANAGER_A = new Actor("s", "", "hospital-a", "hospital-a", "NL", "", Set.of("consent-manager"), "");
    static final Actor MANAGER_B = new Actor("s", "", "hospital-b", "hospital-b", "BE", "", Set.of("consent-manager"), "");
    static final Actor MANAGER_NO_ORG = new Actor("s", "", "x", "", "", "", Set.of("consent-manager"), "");
    static final Actor PATIENT_1CT1 = new Actor("s", "patient-1ct1", "cli", "", "", "", Set.of("patient"), "1CT1");

    static ConsentDirective about(String patientId, String custodian) {
        return new ConsentDirective(null, patientId, "", Decision.PERMIT, null, null, null, ConsentStatus.ACTIVE,
                null, null, null, null, null, custodian);
    }

    @Test
    void asRecordedBy_managerWithoutOrganizationInBody_custodianFromToken() {
        assertEquals("hospital-a", ConsentDirectives.asRecordedBy(about("P1", null), MANAGER_A).custodianOrganizationId());
    }

    @Test
    void asRecordedBy_managerNamingOwnOrganization_kept() {
        assertEquals("hospital-a", ConsentDirectives.asRecordedBy(about("P1", "hospital-a"), MANAGER_A).custodianOrganizationId());
    }

    @Test
    void asRecordedBy_managerNamingAnotherOrganization_403() {
        ConsentAccessDeniedException e = assertThrows(ConsentAccessDeniedException.class,
                () -> ConsentDirectives.asRecordedBy(about("P1", "hospital-a"), MANAGER_B));
        assertEquals(403, e.status());
    }

    @Test
    void asRecordedBy_managerTokenWithoutOrganization_403() {
        assertThrows(ConsentAccessDeniedException.class, () -> ConsentDirectives.asRecordedBy(about("P1", null), MANAGER_NO_ORG));
    }

    @Test
    void asRecordedBy_patientForThemselves_allCustodiansUnlessNamed() {
        assertNull(ConsentDirectives.asRecordedBy(about("1CT1", null), PATIENT_1CT1).custodianOrganizationId());
        assertEquals("hospital-a", ConsentDirectives.asRecordedBy(about("1CT1", "hospital-a"), PATIENT_1CT1).custodianOrganizationId());
    }

    @Test
    void asRecordedBy_patientForAnotherPatient_403() {
        assertThrows(ConsentAccessDeniedException.class, () -> ConsentDirectives.asRecordedBy(about("4MR1", null), PATIENT_1CT1));
    }

    @Test
    void visibleTo_managerSeesOnlyOwnOrganizationsDirectives() {
        assertTrue(ConsentDirectives.visibleTo(about("P1", "hospital-a"), MANAGER_A));
        assertFalse(ConsentDirectives.visibleTo(about("P1", "hospital-a"), MANAGER_B));
        assertFalse(ConsentDirectives.visibleTo(about("P1", null), MANAGER_B), "a patient's own directive is not a manager's");
        assertFalse(ConsentDirectives.visibleTo(about("P1", null), MANAGER_NO_ORG));
    }

    @Test
    void visibleTo_patientSeesEveryDirectiveAboutThemselvesOnly() {
        assertTrue(ConsentDirectives.visibleTo(about("1CT1", "hospital-a"), PATIENT_1CT1));
        assertTrue(ConsentDirectives.visibleTo(about("1CT1", null), PATIENT_1CT1));
        assertFalse(ConsentDirectives.visibleTo(about("4MR1", null), PATIENT_1CT1));
    }
}
