package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which identifiers link a patient, and how a sparse registration merges over what the index holds. */
class StudyTest {

    @Test
    void patientIdentifiers_otherIdsWithoutIssuer_notUsed() {
        Study s = new Study("1.2.3", "MRN-1", "", null, null, null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), List.of(new PatientIdentifier("ABCD1234", ""),
                        new PatientIdentifier("NL-7", "urn:oid:2.16.840.1.113883.2.4.6.3")), 0, 0, null);
        assertEquals(List.of(new PatientIdentifier("MRN-1", ""),
                new PatientIdentifier("NL-7", "urn:oid:2.16.840.1.113883.2.4.6.3")), s.patientIdentifiers(),
                "an other identifier without issuer could name another patient elsewhere; the Patient ID always counts");
    }

    @Test
    void over_sparseRegistration_keepsWhatItLacksAndTheCustodian() {
        Study held = new Study("1.2.3", "MRN-1", "HOSP-A", "Doe^Jo", null, "F", java.time.LocalDate.of(2024, 1, 2),
                "101500", "ACC-1", null, null, "CT chest", null, "Hospital A", List.of("CT"), List.of(), List.of(),
                List.of(), 1, 10, "hospital-a");
        Study sparse = new Study("1.2.3", "", "", null, null, null, null, null, null, null, null, "CT thorax", null, null,
                List.of(), List.of(), List.of(), List.of(), 0, 0, "hospital-b");
        Study merged = sparse.over(held);
        assertEquals("MRN-1", merged.patientId());
        assertEquals("HOSP-A", merged.issuerOfPatientId());
        assertEquals("Doe^Jo", merged.patientName());
        assertEquals("CT thorax", merged.studyDescription(), "what the registration gives replaces");
        assertEquals("ACC-1", merged.accessionNumber());
        assertEquals("hospital-a", merged.custodianOrganizationId(), "the custodian stays");
    }
}
