package org.imagingexchange.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.reports.domain.PatientIdentifier;
import org.imagingexchange.reports.domain.SearchResult;
import org.imagingexchange.reports.domain.StoredReport;
import org.imagingexchange.reports.domain.StudyInstanceUid;
import org.junit.jupiter.api.Test;

class SearchBundlesTest {

    private static final FhirBase BASE = new FhirBase("https://exchange.region.invalid/fhir");
    private static final FhirCodec CODEC = new FhirCodec();
    private static final String QUERY = "patient%3Aidentifier=urn%3Aoid%3A1.2%7C1CT1&_count=1";

    private static StoredReport report(String id) {
        return new StoredReport(id, 1, "final", new PatientIdentifier("urn:oid:1.2", "1CT1"),
                List.of(new StudyInstanceUid("1.2.3")), List.of(), null, "hospital-a", "radiologist-a",
                Instant.parse("2026-01-01T00:00:00Z"), "{\"resourceType\":\"DiagnosticReport\",\"id\":\"" + id
                        + "\",\"status\":\"final\",\"code\":{\"text\":\"CT\"}}");
    }

    @Test
    void searchset_page_fullUrlAndLinksUnderPublicBase() {
        SearchResult result = new SearchResult(2, 0, List.of(report("r-1")));
        Bundle bundle = SearchBundles.searchset(CODEC, BASE, BASE.searchUrl(StoredResources.TYPE, QUERY),
                BASE.pageUrl(StoredResources.TYPE, QUERY, 1, 1), result);
        assertEquals("https://exchange.region.invalid/fhir/DiagnosticReport/r-1", bundle.getEntryFirstRep().getFullUrl(),
                "fullUrl is [public base]/DiagnosticReport/[id]");
        assertEquals("https://exchange.region.invalid/fhir/DiagnosticReport?" + QUERY, bundle.getLink("self").getUrl(),
                "self keeps the client's raw query");
        assertEquals("https://exchange.region.invalid/fhir/DiagnosticReport?patient%3Aidentifier=urn%3Aoid%3A1.2%7C1CT1"
                + "&_offset=1&_count=1", bundle.getLink("next").getUrl(), "next advances _offset");
        assertEquals(2, bundle.getTotal(), "total after consent filtering");
    }

    @Test
    void next_lastPage_null() {
        SearchRequest request = SearchRequest.parse(Map.of("patient:identifier", List.of("1CT1"), "_count", List.of("1")), 20, 100);
        assertNull(SearchPages.next(BASE, QUERY, request, new SearchResult(1, 0, List.of(report("r-2")))),
                "no next link when every match is on this page");
    }

    @Test
    void next_morePages_publicUrlWithOffsetAdvanced() {
        SearchRequest request = SearchRequest.parse(Map.of("patient:identifier", List.of("1CT1"), "_count", List.of("1")), 20, 100);
        assertEquals("https://exchange.region.invalid/fhir/DiagnosticReport?patient%3Aidentifier=urn%3Aoid%3A1.2%7C1CT1"
                        + "&_offset=1&_count=1",
                SearchPages.next(BASE, QUERY, request, new SearchResult(3, 0, List.of(report("r-3")))),
                "next page: raw query kept, _offset advanced by the page size");
    }

    @Test
    void versionUrl_created_publicHistoryUrl() {
        assertEquals("https://exchange.region.invalid/fhir/DiagnosticReport/r-4/_history/1",
                StoredResources.versionUrl(BASE, "r-4", 1).toString(), "Location of a created report");
    }
}
