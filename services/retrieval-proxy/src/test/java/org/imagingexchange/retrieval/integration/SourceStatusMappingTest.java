package org.imagingexchange.retrieval.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.retrieval.domain.DicomObjectNotFoundException;
import org.imagingexchange.retrieval.domain.NotAcceptableAtSourceException;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.SourceArchiveUnavailableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SourceStatusMappingTest {

    private static final RetrieveTarget TARGET = new RetrieveTarget("1.2.3", "1.2.3.4", null, false);

    @Test
    void toProblem_404_staysNotFound() {
        ProblemException p = SourceStatusMapping.toProblem(404, "hospital-a", TARGET, "x");
        assertInstanceOf(DicomObjectNotFoundException.class, p);
        assertEquals(404, p.status());
        assertTrue(p.detail().contains("studies/1.2.3/series/1.2.3.4"), p.detail());
    }

    @Test
    void toProblem_406_staysNotAcceptable() {
        ProblemException p = SourceStatusMapping.toProblem(406, "hospital-a", TARGET, "multipart/related; type=\"image/jpeg\"");
        assertInstanceOf(NotAcceptableAtSourceException.class, p);
        assertEquals(406, p.status());
    }

    @Test
    void toProblem_400_becomesNotAcceptable() {
        ProblemException p = SourceStatusMapping.toProblem(400, "hospital-a", TARGET, "text/html");
        assertInstanceOf(NotAcceptableAtSourceException.class, p);
        assertEquals(406, p.status());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 500, 502, 503, 504, 409, 410, 301})
    void toProblem_otherStatus_is502NamingSource(int status) {
        ProblemException p = SourceStatusMapping.toProblem(status, "hospital-a", TARGET, "x");
        assertInstanceOf(SourceArchiveUnavailableException.class, p);
        assertEquals(502, p.status());
        assertTrue(p.detail().contains("'hospital-a'"), "names the source: " + p.detail());
    }

    @Test
    void toProblem_credentialsRefused_saysSoWithoutSecrets() {
        ProblemException p = SourceStatusMapping.toProblem(401, "hospital-a", TARGET, "x");
        assertTrue(p.detail().contains("credentials"), p.detail());
        assertFalse(p.detail().contains("pass"), p.detail());
    }

    @Test
    void reason_groupsServerErrors() {
        assertEquals("http_5xx", SourceStatusMapping.reason(503));
        assertEquals("http_404", SourceStatusMapping.reason(404));
        assertEquals("http_4xx", SourceStatusMapping.reason(409));
    }
}
