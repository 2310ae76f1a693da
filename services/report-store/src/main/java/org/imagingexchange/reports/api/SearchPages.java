package org.imagingexchange.reports.api;

import jakarta.ws.rs.core.UriInfo;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.reports.domain.SearchResult;

/** Paging links and audit notes of a DiagnosticReport search. */
final class SearchPages {

    private SearchPages() {
    }

    /** @return URL of the next page ({@code _offset} advanced by {@code _count}); null on the last page */
    static String next(UriInfo uriInfo, SearchRequest request, SearchResult result) {
        int nextOffset = result.offset() + result.page().size();
        if (request.count() == 0 || nextOffset >= result.total()) {
            return null;
        }
        return uriInfo.getRequestUriBuilder()
                .replaceQueryParam("_offset", nextOffset)
                .replaceQueryParam("_count", request.count())
                .build().toString();
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
