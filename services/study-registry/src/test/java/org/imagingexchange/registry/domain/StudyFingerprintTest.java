package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StudyFingerprintTest {

    private final Study study = Studies.header("1.2.3", "P1", "HOSP-A", "Doe^J", LocalDate.of(2024, 1, 1), "A1");

    @Test
    void of_sameHeader_sameSha256() {
        assertEquals(StudyFingerprint.of(study), StudyFingerprint.of(Studies.withCounts(study, 0, 0)));
        assertEquals(64, StudyFingerprint.of(study).length());
    }

    @Test
    void of_moreInstancesOrOtherAttributes_differs() {
        assertNotEquals(StudyFingerprint.of(study), StudyFingerprint.of(Studies.withCounts(study, 1, 2)));
        assertEquals(StudyFingerprint.of(study), StudyFingerprint.of(study.withDefaultIssuer("X")),
                "unchanged: the study already has an issuer");
        assertNotEquals(StudyFingerprint.of(study),
                StudyFingerprint.of(Studies.header("1.2.3", "P1", "HOSP-A", "Doe^Jo", LocalDate.of(2024, 1, 1), "A1")));
    }
}
