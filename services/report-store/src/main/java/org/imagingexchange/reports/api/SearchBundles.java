package org.imagingexchange.reports.api;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.reports.domain.SearchResult;
import org.imagingexchange.reports.domain.StoredReport;

/** Builds FHIR R4 {@code searchset} Bundles of stored reports (total and paging links after consent filtering). */
public final class SearchBundles {

    private SearchBundles() {
    }

    /**
     * @param codec    FHIR codec (parses the stored JSON)
     * @param base     the platform's public FHIR base (entry {@code fullUrl})
     * @param self     the public search URL with the query as requested (link {@code self})
     * @param next     URL of the next page; null when this is the last
     * @param result   the consent-filtered page
     * @return the searchset Bundle
     */
    public static Bundle searchset(FhirCodec codec, FhirBase base, String self, String next, SearchResult result) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(result.total());
        bundle.addLink().setRelation("self").setUrl(self);
        if (next != null) {
            bundle.addLink().setRelation("next").setUrl(next);
        }
        for (StoredReport report : result.page()) {
            bundle.addEntry()
                    .setFullUrl(StoredResources.resourceUrl(base, report.id()))
                    .setResource(codec.parse(report.resourceJson(), DiagnosticReport.class))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
