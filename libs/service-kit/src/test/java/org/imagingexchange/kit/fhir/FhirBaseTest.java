package org.imagingexchange.kit.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FhirBaseTest {

    private static final FhirBase BASE = new FhirBase("https://exchange.region.invalid/fhir");

    @Test
    void constructor_trailingSlash_removed() {
        assertEquals("http://127.0.0.1:8080/fhir", new FhirBase("http://127.0.0.1:8080/fhir/").url(),
                "trailing slash dropped so URLs join with exactly one /");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/fhir", "ftp://host/fhir", "http:/fhir", "http://host/fhir?x=1", "http://h/f#a"})
    void constructor_unusableUrl_illegalArgumentNamingKey(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FhirBase(url));
        assertTrue(e.getMessage().contains(FhirBase.CONFIG_KEY), "message names the config key: " + e.getMessage());
    }

    @Test
    void resourceUrl_typeAndId_publicResourceUrl() {
        assertEquals("https://exchange.region.invalid/fhir/DiagnosticReport/abc-1.2",
                BASE.resourceUrl("DiagnosticReport", "abc-1.2"), "[base]/[type]/[id]");
    }

    @Test
    void resourceUrl_idWithReservedCharacters_percentEncoded() {
        assertEquals("https://exchange.region.invalid/fhir/AuditEvent/a%2Fb%20c",
                BASE.resourceUrl("AuditEvent", "a/b c"), "an id never adds a path segment");
    }

    @Test
    void versionUrl_firstVersion_historyUrl() {
        assertEquals("https://exchange.region.invalid/fhir/DiagnosticReport/r1/_history/1",
                BASE.versionUrl("DiagnosticReport", "r1", 1), "vread URL");
    }

    @Test
    void searchUrl_rawQuery_keptAsSent() {
        assertEquals("https://exchange.region.invalid/fhir/DiagnosticReport?patient%3Aidentifier=urn%3Aoid%3A1.2%7C1CT1",
                BASE.searchUrl("DiagnosticReport", "patient%3Aidentifier=urn%3Aoid%3A1.2%7C1CT1"),
                "query not decoded nor re-encoded");
    }

    @Test
    void searchUrl_noQuery_typeUrl() {
        assertEquals("https://exchange.region.invalid/fhir/Consent", BASE.searchUrl("Consent", null), "no '?'");
        assertEquals("https://exchange.region.invalid/fhir/Consent", BASE.searchUrl("Consent", ""), "no '?'");
    }

    @Test
    void pageUrl_pagingParametersPresent_replacedOthersKeptRawInOrder() {
        assertEquals("https://exchange.region.invalid/fhir/AuditEvent?patient:identifier=1CT1&date=ge2026-01-01"
                        + "&date=le2026-12-31&_offset=20&_count=10",
                BASE.pageUrl("AuditEvent", "_count=10&patient:identifier=1CT1&_offset=10&date=ge2026-01-01"
                        + "&date=le2026-12-31", 20, 10),
                "paging parameters replaced at the end, the rest unchanged");
    }

    @Test
    void pageUrl_noQuery_pagingOnly() {
        assertEquals("https://exchange.region.invalid/fhir/AuditEvent?_offset=5&_count=5",
                BASE.pageUrl("AuditEvent", null, 5, 5), "only the paging parameters");
    }

    @Test
    void pageUrl_encodedPagingName_replaced() {
        assertEquals("https://exchange.region.invalid/fhir/AuditEvent?a=1&_offset=2&_count=2",
                BASE.pageUrl("AuditEvent", "a=1&%5Foffset=0&&", 2, 2), "a percent-encoded _offset is the same parameter");
    }
}
