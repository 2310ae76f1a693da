package org.imagingexchange.registry.domain;

import java.time.LocalDate;
import java.util.List;

/** Study headers for unit tests (the record has every eHN B field; most tests need a few). */
final class Studies {

    private Studies() {
    }

    static Study header(String uid, String patientId, String issuer, String name, LocalDate date, String accession) {
        return new Study(uid, patientId, issuer, name, null, "O", date, null, accession, null, null, "study " + uid,
                null, null, List.of(), List.of(), List.of(), List.of(), 0, 0, null);
    }

    static Study withCounts(Study s, int series, int instances) {
        return new Study(s.studyInstanceUid(), s.patientId(), s.issuerOfPatientId(), s.patientName(),
                s.patientBirthDate(), s.patientSex(), s.studyDate(), s.studyTime(), s.accessionNumber(),
                s.accessionNumberIssuer(), s.studyId(), s.studyDescription(), s.referringPhysicianName(),
                s.institutionName(), s.modalitiesInStudy(), s.sopClassesInStudy(), s.bodyPartsExamined(),
                s.otherPatientIds(), series, instances, s.custodianOrganizationId());
    }
}
