package org.imagingexchange.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void of_record_sortedKeysNoWhitespace() {
        String json = CanonicalJson.of(AuditRecords.normalize(AuditTrailTest.record("e-1", "1CT1")));

        assertTrue(json.startsWith("{\"agent\":{\"clientId\":\"exchange-cli\",\"country\":\"NL\""), json);
        assertTrue(json.contains("\"recorded\":\"2025-03-01T10:15:30.123456Z\""), json);
        assertTrue(json.indexOf("\"eventId\"") < json.indexOf("\"outcome\""), "keys in ascending order");
    }

    @Test
    void link_sameInput_sameHash_otherPrevious_otherHash() {
        AuditRecord r = AuditRecords.normalize(AuditTrailTest.record("e-1", "1CT1"));

        String h = HashChain.link(HashChain.GENESIS, r);

        assertEquals(64, h.length(), "hex SHA-256");
        assertEquals(h, HashChain.link(HashChain.GENESIS, AuditRecords.normalize(AuditTrailTest.record("e-1", "1CT1"))));
        assertNotEquals(h, HashChain.link(h, r), "the previous hash is part of the input");
    }

    @Test
    void validate_missingMembers_namesEachOne() {
        AuditRecord empty = new AuditRecord(null, null, null, null, null, null, null, null, null,
                List.of(new AuditRecord.EntityRef(null, "x", null)));

        ProblemException e = assertThrows(InvalidAuditRecordException.class, () -> AuditRecords.validate(empty));

        assertEquals(400, e.status());
        assertEquals(List.of("eventId", "recorded", "pattern", "outcome", "source", "agent", "entities[0].type"),
                e.issues().stream().map(ProblemException.Issue::location).toList());
    }
}
