package org.imagingexchange.audit.domain;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.kit.problem.ProblemException.Issue;

/**
 * Validation and normalisation of incoming {@link AuditRecord}s. Normalisation makes the stored form
 * exactly reproducible from the database (hash chain): absent strings become empty, absent lists
 * empty, {@code recorded} is truncated to microseconds (the precision of SQL timestamps).
 */
public final class AuditRecords {

    /** Accepted event ids: letters, digits, '.', '_', '-', 1 to 64 characters (UUIDs in practice). */
    static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Most patients or entities one record may carry. */
    static final int MAX_ITEMS = 5000;

    private AuditRecords() {
    }

    /**
     * @param record the record as received; may be null (empty body)
     * @return the record, normalised
     * @throws InvalidAuditRecordException (400) naming every missing or too long member
     */
    public static AuditRecord validate(AuditRecord record) {
        List<Issue> issues = new ArrayList<>();
        if (record == null) {
            throw new InvalidAuditRecordException(List.of(new Issue("body", "an AuditRecord JSON object is required")));
        }
        if (record.eventId() == null || record.eventId().isBlank()) {
            issues.add(new Issue("eventId", "required"));
        } else if (!EVENT_ID.matcher(record.eventId()).matches()) {
            issues.add(new Issue("eventId", "1-64 characters of A-Z a-z 0-9 . _ -"));
        }
        required(issues, "recorded", record.recorded());
        required(issues, "pattern", record.pattern());
        required(issues, "outcome", record.outcome());
        if (record.source() == null || record.source().isBlank()) {
            issues.add(new Issue("source", "required"));
        }
        max(issues, "source", record.source(), 128);
        max(issues, "outcomeDetail", record.outcomeDetail(), 1024);
        max(issues, "correlationId", record.correlationId(), 64);
        agent(issues, record.agent());
        patients(issues, record.patients());
        entities(issues, record.entities());
        if (!issues.isEmpty()) {
            throw new InvalidAuditRecordException(issues);
        }
        return normalize(record);
    }

    /** @return the record with empty strings for absent ones, empty lists, microsecond {@code recorded} */
    public static AuditRecord normalize(AuditRecord r) {
        AuditRecord.Agent a = r.agent() == null ? new AuditRecord.Agent(null, null, null, null, null, null) : r.agent();
        AuditRecord.Agent agent = new AuditRecord.Agent(e(a.userId()), e(a.username()), e(a.clientId()),
                e(a.organizationId()), e(a.country()), e(a.purposeOfUse()));
        List<AuditRecord.PatientRef> patients = r.patients() == null ? List.of()
                : r.patients().stream().map(p -> new AuditRecord.PatientRef(e(p.id()), e(p.issuer()))).toList();
        List<AuditRecord.EntityRef> entities = r.entities() == null ? List.of()
                : r.entities().stream().map(x -> new AuditRecord.EntityRef(e(x.type()), e(x.identifier()),
                        e(x.description()))).toList();
        return new AuditRecord(r.eventId(), r.recorded() == null ? null : r.recorded().truncatedTo(ChronoUnit.MICROS),
                r.pattern(), r.outcome(), e(r.outcomeDetail()), e(r.source()), e(r.correlationId()), agent,
                patients, entities);
    }

    private static void agent(List<Issue> issues, AuditRecord.Agent a) {
        if (a == null) {
            issues.add(new Issue("agent", "required"));
            return;
        }
        max(issues, "agent.userId", a.userId(), 256);
        max(issues, "agent.username", a.username(), 256);
        max(issues, "agent.clientId", a.clientId(), 256);
        max(issues, "agent.organizationId", a.organizationId(), 256);
        max(issues, "agent.country", a.country(), 8);
        max(issues, "agent.purposeOfUse", a.purposeOfUse(), 64);
    }

    private static void patients(List<Issue> issues, List<AuditRecord.PatientRef> patients) {
        if (patients == null) {
            return;
        }
        if (patients.size() > MAX_ITEMS) {
            issues.add(new Issue("patients", "at most " + MAX_ITEMS + " entries"));
            return;
        }
        for (int i = 0; i < patients.size(); i++) {
            AuditRecord.PatientRef p = patients.get(i);
            String at = "patients[" + i + "]";
            if (p == null || p.id() == null || p.id().isBlank()) {
                issues.add(new Issue(at + ".id", "required"));
                continue;
            }
            max(issues, at + ".id", p.id(), 128);
            max(issues, at + ".issuer", p.issuer(), 256);
        }
    }

    private static void entities(List<Issue> issues, List<AuditRecord.EntityRef> entities) {
        if (entities == null) {
            return;
        }
        if (entities.size() > MAX_ITEMS) {
            issues.add(new Issue("entities", "at most " + MAX_ITEMS + " entries"));
            return;
        }
        for (int i = 0; i < entities.size(); i++) {
            AuditRecord.EntityRef x = entities.get(i);
            String at = "entities[" + i + "]";
            if (x == null || x.type() == null || x.type().isBlank()) {
                issues.add(new Issue(at + ".type", "required"));
                continue;
            }
            max(issues, at + ".type", x.type(), 64);
            max(issues, at + ".identifier", x.identifier(), 16000);
            max(issues, at + ".description", x.description(), 1024);
        }
    }

    private static void required(List<Issue> issues, String member, Object value) {
        if (value == null) {
            issues.add(new Issue(member, "required"));
        }
    }

    private static void max(List<Issue> issues, String member, String value, int max) {
        if (value != null && value.length() > max) {
            issues.add(new Issue(member, "at most " + max + " characters"));
        }
    }

    private static String e(String s) {
        return s == null ? "" : s;
    }
}
