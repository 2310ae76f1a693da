package org.imagingexchange.reports.api;

import java.net.URI;
import java.util.Date;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.reports.domain.ReportRenderer;

/** FHIR-side helpers for stored reports: the renderer that stamps id and meta, and resource URLs. */
public final class StoredResources {

    /** The resource type the store serves. */
    public static final String TYPE = "DiagnosticReport";

    private StoredResources() {
    }

    /**
     * @param codec  FHIR codec
     * @param report the report to store (a copy is stamped; the argument is not changed)
     * @return a renderer that sets {@code id}, {@code meta.versionId} and {@code meta.lastUpdated}
     */
    public static ReportRenderer renderer(FhirCodec codec, DiagnosticReport report) {
        return (id, versionId, lastUpdated) -> {
            DiagnosticReport stored = report.copy();
            stored.setId(id);
            stored.getMeta().setVersionId(Integer.toString(versionId));
            stored.getMeta().setLastUpdated(Date.from(lastUpdated));
            return codec.encode(stored);
        };
    }

    /**
     * @param base      the platform's public FHIR base
     * @param id        report id
     * @param versionId version
     * @return {@code [base]/DiagnosticReport/<id>/_history/<version>}
     */
    public static URI versionUrl(FhirBase base, String id, int versionId) {
        return URI.create(base.versionUrl(TYPE, id, versionId));
    }

    /** @return {@code [base]/DiagnosticReport/<id>} */
    public static String resourceUrl(FhirBase base, String id) {
        return base.resourceUrl(TYPE, id);
    }
}
