package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C-STORE header ingest: default issuer, one study record, counts derived, a resent instance replaces itself. */
class InstanceIngestTest {

    private final InMemoryStudyIndex index = new InMemoryStudyIndex();
    private final InstanceIngest ingest = new InstanceIngest(index);
    private final SourceArchive modality = new TestArchive("ct-scanner", "hospital-a", "", "CT_SCANNER", "HOSP-A");

    @Test
    void ingest_twoInstancesOfOneSeries_oneStudyWithDerivedCountsAndDefaultIssuer() {
        Study header = Studies.header("1.2.3", "P1", "", "Doe^J", LocalDate.of(2024, 1, 1), "A1");
        Series series = new Series("1.2.3.1", "CT", 1, null, "HEAD", 0);
        assertTrue(ingest.ingest(modality, header, series, new Instance("1.2.3.1.1", "1.2.840.10008.5.1.4.1.1.2", 1, null)));
        assertTrue(ingest.ingest(modality, header, series, new Instance("1.2.3.1.2", "1.2.840.10008.5.1.4.1.1.2", 2, null)));
        assertFalse(ingest.ingest(modality, header, series, new Instance("1.2.3.1.2", "1.2.840.10008.5.1.4.1.1.2", 2, null)),
                "an instance stored again replaces itself");
        Study s = index.study("1.2.3").orElseThrow();
        assertEquals(2, s.numberOfInstances());
        assertEquals(1, s.numberOfSeries());
        assertEquals("HOSP-A", s.issuerOfPatientId(), "the sender's default issuer");
        assertEquals("hospital-a", s.custodianOrganizationId());
        assertEquals(List.of("CT"), s.modalitiesInStudy());
    }
}
