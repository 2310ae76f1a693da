package org.imagingexchange.reports.api;

import java.net.URI;
import java.util.Date;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.imagingexchange.reports.domain.ReportRenderer;

/** FHIR-side helpers for stored reports: the renderer that stamps id and meta, and resource URLs. */
public final class StoredResources {

    /** Path of the DiagnosticReport type below the context root. */
    public static final String TYPE_PATH = "fhir/DiagnosticReport";

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
     * @param base      the application's base URI (ends with {@code /})
     * @param id        report id
     * @param versionId version
     * @return {@code <base>fhir/DiagnosticReport/<id>/_history/<version>}
     */
    public static URI versionUrl(URI base, String id, int versionId) {
        return base.resolve(TYPE_PATH + "/" + id + "/_history/" + versionId);
    }

    /** @return {@code <base>fhir/DiagnosticReport/<id>} */
    public static String resourceUrl(URI base, String id) {
        return base.resolve(TYPE_PATH + "/" + id).toString();
    }
}
