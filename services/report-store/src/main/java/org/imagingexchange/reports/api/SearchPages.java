package org.imagingexchange.reports.api;

import jakarta.ws.rs.core.UriInfo;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.reports.domain.SearchResult;

/** Paging links and audit notes of a DiagnosticReport search. */
final class SearchPages {

    private SearchPages() {
    }

    /**
     * @param base     the platform's public FHIR base
     * @param rawQuery the query string as the client sent it; null when none
     * @return public URL of the next page (the client's parameters as sent, {@code _offset} advanced by
     *         {@code _count}); null on the last page
     */
    static String next(FhirBase base, String rawQuery, SearchRequest request, SearchResult result) {
        int nextOffset = result.offset() + result.page().size();
        if (request.count() == 0 || nextOffset >= result.total()) {
            return null;
        }
        return base.pageUrl(StoredResources.TYPE, rawQuery, nextOffset, request.count());
    }

    /** Notes the query (and the patient searched for, BALP PatientQuery) in the audit record. */
    static void noteQuery(AuditedAccess access, SearchRequest request, UriInfo uriInfo) {
        if (request.criteria().patient() != null) {
            access.patient(request.criteria().patient().value(), request.criteria().patient().system());
        }
        String query = uriInfo.getRequestUri().getRawQuery();
        access.entity("query", "DiagnosticReport?" + (query == null ? "" : query), "FHIR search");
    }
}
