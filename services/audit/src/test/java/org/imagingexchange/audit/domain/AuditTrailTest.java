package org.imagingexchange.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.imagingexchange.audit.client.AuditOutcome;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.Actor;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    static AuditRecord record(String eventId, String patientId) {
        return new AuditRecord(eventId, Instant.parse("2025-03-01T10:15:30.123456789Z"), BalpPattern.PATIENT_READ,
                AuditOutcome.SUCCESS, null, "study-registry", "cid-1",
                new AuditRecord.Agent("sub-1", "radiologist-a", "exchange-cli", "hospital-a", "NL", "TREAT"),
                List.of(new AuditRecord.PatientRef(patientId, null)),
                List.of(new AuditRecord.EntityRef("ImagingStudy", "1.2.840.1", null)));
    }

    @Test
    void ingest_sameEventTwice_storedOnce() {
        InMemoryAuditLedger ledger = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(ledger);

        assertTrue(trail.ingest(record("e-1", "1CT1")).created(), "first ingest creates");
        assertFalse(trail.ingest(record("e-1", "1CT1")).created(), "second ingest is a duplicate");
        assertEquals(1, ledger.rows.size(), "one row");
    }

    @Test
    void ingest_nanosecondTime_storedTruncatedToMicros() {
        AuditTrail trail = new AuditTrail(new InMemoryAuditLedger());

        StoredAuditEvent e = trail.ingest(record("e-1", "1CT1")).event();

        assertEquals(Instant.parse("2025-03-01T10:15:30.123456Z"), e.record().recorded(),
                "recorded keeps microseconds, the precision the database stores");
        assertEquals("", e.record().outcomeDetail(), "absent strings are normalised to empty");
    }

    @Test
    void ingestAll_newDuplicateInvalidAndRepeat_eachAnsweredInOrderOneBatch() {
        InMemoryAuditLedger ledger = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(ledger);
        trail.ingest(record("stored-before", "1CT1"));
        AuditRecord invalid = new AuditRecord("bad", null, null, null, null, null, null, null, null, null);

        List<BatchIngestEntry> entries = trail.ingestAll(java.util.Arrays.asList(record("new-1", "1CT1"),
                record("stored-before", "1CT1"), invalid, null, record("new-2", "1CT1"), record("new-1", "1CT1")));

        assertEquals(List.of("new-1", "stored-before", "bad", "", "new-2", "new-1"),
                entries.stream().map(BatchIngestEntry::eventId).toList(), "one entry per record, in order");
        assertEquals(List.of(true, false), List.of(entries.get(0).stored().orElseThrow().created(),
                entries.get(1).stored().orElseThrow().created()), "new stored, known acknowledged");
        assertTrue(entries.get(2).stored().isEmpty() && entries.get(2).refusal().contains("recorded"),
                "an invalid record is refused naming its missing members: " + entries.get(2).refusal());
        assertTrue(entries.get(3).stored().isEmpty(), "a null element is refused");
        assertFalse(entries.get(5).stored().orElseThrow().created(), "a repeat within the batch is stored once");
        assertEquals(entries.get(0).stored().orElseThrow().event().sequence(),
                entries.get(5).stored().orElseThrow().event().sequence(), "the repeat names the stored row");
        assertEquals(3, ledger.rows.size(), "stored-before, new-1, new-2");
        assertEquals(1, ledger.batches, "the valid records go to the ledger as one batch");
    }

    @Test
    void ingestAll_batchesAndSingles_chainVerifiesAndMatchesSingleIngest() {
        InMemoryAuditLedger batched = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(batched);
        InMemoryAuditLedger single = new InMemoryAuditLedger();
        AuditTrail reference = new AuditTrail(single);
        List<AuditRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 700; i++) {
            records.add(record("e-" + i, "P" + (i % 7)));
        }

        trail.ingest(records.get(0));
        trail.ingestAll(records.subList(1, 600));
        trail.ingestAll(records.subList(600, 700));
        records.forEach(reference::ingest);

        ChainVerification v = trail.verify();
        assertTrue(v.intact(), v.detail());
        assertEquals(700, v.verified());
        assertEquals(single.head(), batched.head(),
                "a batch ingest yields exactly the chain record-by-record ingest yields");
    }

    @Test
    void verify_untouchedChain_intact() {
        AuditTrail trail = new AuditTrail(new InMemoryAuditLedger());
        for (int i = 0; i < 1200; i++) {
            trail.ingest(record("e-" + i, "1CT1"));
        }

        ChainVerification v = trail.verify();

        assertTrue(v.intact(), v.detail());
        assertEquals(1200, v.verified(), "every record was checked across several slices");
        assertNull(v.firstBrokenEventId());
    }

    @Test
    void verify_alteredRecord_reportsItAsFirstBroken() {
        InMemoryAuditLedger ledger = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(ledger);
        trail.ingest(record("e-1", "1CT1"));
        trail.ingest(record("e-2", "1CT1"));
        trail.ingest(record("e-3", "1CT1"));
        StoredAuditEvent second = ledger.rows.get(1);
        ledger.rows.set(1, new StoredAuditEvent(2, AuditRecords.normalize(record("e-2", "4MR1")), second.hash()));

        ChainVerification v = trail.verify();

        assertFalse(v.intact(), "a changed patient id breaks the chain");
        assertEquals("e-2", v.firstBrokenEventId());
        assertEquals(1, v.verified(), "the record before it still verifies");
    }

    @Test
    void verify_removedRecordInTheMiddle_reportsTheNextOne() {
        InMemoryAuditLedger ledger = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(ledger);
        trail.ingest(record("e-1", "1CT1"));
        trail.ingest(record("e-2", "1CT1"));
        trail.ingest(record("e-3", "1CT1"));
        ledger.rows.remove(1);

        ChainVerification v = trail.verify();

        assertFalse(v.intact());
        assertEquals("e-3", v.firstBrokenEventId());
    }

    @Test
    void verify_removedLastRecord_headMismatch() {
        InMemoryAuditLedger ledger = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(ledger);
        trail.ingest(record("e-1", "1CT1"));
        trail.ingest(record("e-2", "1CT1"));
        ledger.rows.remove(1);

        ChainVerification v = trail.verify();

        assertFalse(v.intact(), "the chain head still names record 2");
        assertNull(v.firstBrokenEventId(), "no stored record is wrong, one is missing at the end");
    }

    @Test
    void search_patientAskingForOtherPatient_forbidden() {
        AuditTrail trail = new AuditTrail(new InMemoryAuditLedger());
        Actor patient = new Actor("p", "patient-1ct1", "exchange-cli", "", "", "", Set.of("patient"), "1CT1");

        assertThrows(AccessLogDeniedException.class, () -> trail.search(patient,
                new AuditQuery("4MR1", null, null, null, null, null, 0, 50)));
    }

    @Test
    void search_patientWithoutParameter_boundToOwnId() {
        InMemoryAuditLedger ledger = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(ledger);
        trail.ingest(record("mine", "1CT1"));
        trail.ingest(record("other", "4MR1"));
        Actor patient = new Actor("p", "patient-1ct1", "exchange-cli", "", "", "", Set.of("patient"), "1CT1");

        AuditPage page = trail.search(patient, new AuditQuery(null, null, null, null, null, null, 0, 50));

        assertEquals(List.of("mine"), page.events().stream().map(e -> e.record().eventId()).toList(),
                "a patient sees only events about their own Patient ID");
    }

    @Test
    void search_clinician_forbidden() {
        AuditTrail trail = new AuditTrail(new InMemoryAuditLedger());
        Actor clinician = new Actor("c", "clinician-b", "exchange-cli", "hospital-b", "BE", "TREAT",
                Set.of("imaging-reader"), null);

        assertThrows(AccessLogDeniedException.class, () -> trail.search(clinician,
                new AuditQuery(null, null, null, null, null, null, 0, 50)));
    }

    @Test
    void search_patientInAManyPatientSearch_seesOnlyThemselvesAndTheQuery() {
        InMemoryAuditLedger ledger = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(ledger);
        trail.ingest(new AuditRecord("many", Instant.parse("2025-03-01T10:15:30Z"), BalpPattern.PATIENT_READ,
                AuditOutcome.SUCCESS, null, "study-registry", "cid-2",
                new AuditRecord.Agent("sub-1", "service-account-hospital-a", "hospital-a", "hospital-a", "NL", "TREAT"),
                List.of(new AuditRecord.PatientRef("1CT1", null), new AuditRecord.PatientRef("4MR1", null)),
                List.of(new AuditRecord.EntityRef("ImagingStudy", "1.2.840.1", null),
                        new AuditRecord.EntityRef("ImagingStudy", "1.2.840.2", null),
                        new AuditRecord.EntityRef("query", "limit=1000", "GET /registry/dicomweb/studies"))));
        Actor patient = new Actor("p", "patient-1ct1", "exchange-cli", "", "", "", Set.of("patient"), "1CT1");
        Actor auditor = new Actor("a", "auditor", "exchange-cli", "regional-health-authority", "NL", "", Set.of("auditor"), null);

        AuditRecord seen = trail.search(patient, new AuditQuery(null, null, null, null, null, null, 0, 50))
                .events().get(0).record();
        AuditRecord read = trail.read(patient, "many").record();

        for (AuditRecord r : List.of(seen, read)) {
            assertEquals(List.of("1CT1"), r.patients().stream().map(AuditRecord.PatientRef::id).toList(),
                    "no other patient shown");
            assertEquals(List.of("query"), r.entities().stream().map(AuditRecord.EntityRef::type).toList(),
                    "no study of unknown owner shown; the query stays");
            assertEquals("hospital-a", r.agent().organizationId(), "who accessed stays");
        }
        assertEquals(2, trail.read(auditor, "many").record().patients().size(), "the auditor sees the whole event");
    }

    @Test
    void search_patientAloneInTheEvent_seesItWhole() {
        InMemoryAuditLedger ledger = new InMemoryAuditLedger();
        AuditTrail trail = new AuditTrail(ledger);
        trail.ingest(record("mine", "1CT1"));
        Actor patient = new Actor("p", "patient-1ct1", "exchange-cli", "", "", "", Set.of("patient"), "1CT1");

        assertEquals(List.of("1.2.840.1"), trail.read(patient, "mine").record().entities().stream()
                .map(AuditRecord.EntityRef::identifier).toList());
    }
}
