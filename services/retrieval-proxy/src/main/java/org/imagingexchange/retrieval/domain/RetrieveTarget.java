package org.imagingexchange.retrieval.domain;

import java.net.URI;
import java.util.Locale;

/**
 * What a WADO-RS retrieve asks for (PS3.18 §10.4.1.1): a study, one of its series or one instance,
 * either as the DICOM objects (bulk) or as their metadata (DICOM JSON, PS3.18 §10.4.1.1.2 / F.2).
 *
 * @param studyInstanceUid  Study Instance UID (0020,000D), eHN A.1.8.10 / B.1.1; never null
 * @param seriesInstanceUid Series Instance UID (0020,000E), eHN B.1.4.2; null for study level
 * @param sopInstanceUid    SOP Instance UID (0008,0018), eHN B.1.4.7; null unless instance level
 * @param metadata          true for the {@code /metadata} resource
 */
public record RetrieveTarget(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
                             boolean metadata) {

    /** Path parameter name of the Study Instance UID. */
    public static final String STUDY = "study";
    /** Path parameter name of the Series Instance UID. */
    public static final String SERIES = "series";
    /** Path parameter name of the SOP Instance UID. */
    public static final String INSTANCE = "instance";

    /**
     * Validates the UIDs (PS3.5 §9.1).
     *
     * @throws InvalidUidException (400) naming the first invalid parameter
     * @throws IllegalArgumentException when an instance is given without its series (a wiring error)
     */
    public RetrieveTarget {
        DicomUid.require(STUDY, studyInstanceUid);
        if (seriesInstanceUid != null) {
            DicomUid.require(SERIES, seriesInstanceUid);
        }
        if (sopInstanceUid != null) {
            if (seriesInstanceUid == null) {
                throw new IllegalArgumentException("an instance needs its series");
            }
            DicomUid.require(INSTANCE, sopInstanceUid);
        }
    }

    /**
     * @return the resource path below a WADO-RS base, e.g.
     *         {@code /studies/1.2/series/1.3/instances/1.4/metadata} (PS3.18 §10.4.1 Table 10.4.1-1)
     */
    public String path() {
        StringBuilder b = new StringBuilder("/studies/").append(studyInstanceUid);
        if (seriesInstanceUid != null) {
            b.append("/series/").append(seriesInstanceUid);
        }
        if (sopInstanceUid != null) {
            b.append("/instances/").append(sopInstanceUid);
        }
        if (metadata) {
            b.append("/metadata");
        }
        return b.toString();
    }

    /**
     * Builds the source URL: the endpoint's WADO-RS base (eHN B.1.4.6 series endpoint / FHIR
     * Endpoint.address) followed by {@link #path()}. UIDs are digits and dots, so nothing needs encoding.
     *
     * @param wadoRsBase absolute {@code http}/{@code https} base URL without query or fragment; a trailing
     *                   slash is ignored
     * @return the absolute URL of the resource at the source
     * @throws IllegalArgumentException when the base is not such a URL
     */
    public URI resolveAgainst(String wadoRsBase) {
        if (wadoRsBase == null || wadoRsBase.isBlank()) {
            throw new IllegalArgumentException("empty WADO-RS base URL");
        }
        String base = wadoRsBase.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI baseUri = URI.create(base);
        String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUri.getHost() == null
                || baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
            throw new IllegalArgumentException("not an http(s) WADO-RS base URL without query: " + base);
        }
        return URI.create(base + path());
    }

    /** @return the retrieve level and what it names, for audit descriptions, e.g. {@code series 1.2 metadata} */
    public String description() {
        String level;
        if (sopInstanceUid != null) {
            level = "instance " + sopInstanceUid + " of series " + seriesInstanceUid;
        } else if (seriesInstanceUid != null) {
            level = "series " + seriesInstanceUid;
        } else {
            level = "study";
        }
        return "WADO-RS retrieve " + level + (metadata ? " metadata" : "");
    }
}
