package org.imagingexchange.registry.integration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DicomElement;
import org.imagingexchange.dicom.json.DicomJsonWriter;
import org.imagingexchange.dicom.net.CFindScu;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseTransportException;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.registry.config.SourceSettings;
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.SourceArchiveResponseException;
import org.imagingexchange.registry.domain.SourceArchiveUnavailableException;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;

/**
 * {@link SourceArchive} over C-FIND (PS3.4 §C.4.1, Study Root Query/Retrieve Information Model) for archives
 * without DICOMweb: studies at STUDY level, a study's contents at SERIES level and then IMAGE level per series
 * (hierarchical queries, PS3.4 §C.4.1.3.1), each with the return keys of the eHN B attributes the QIDO-RS crawl
 * asks for. The answers go through the same DICOM JSON reading as QIDO-RS answers ({@link DicomJsonParser}), so
 * both paths index the same values.
 *
 * <p>C-FIND has no paging: a study list is one query. The matches of a STUDY-level query are kept for one crawl
 * (taken again when a crawl starts at offset 0 or when none is held, as after a restart) and ordered by Study
 * Instance UID, so an offset names the same study in every listing of an unchanged archive and a resumed crawl
 * goes on where it stopped. Memory: the study-level attributes of the archive (about 1 KB per study) while a
 * crawl runs; released with its last (short) page.
 *
 * <p>The retrieval endpoint recorded for its studies is the archive's DIMSE address
 * ({@link RemoteAe#address()}, {@code dicom://AE@host:port}), so the retrieval proxy fetches them by C-GET.
 * Failures are mapped here, once: no association (refused, aborted, unreachable) becomes 503, a failure status
 * or an unusable identifier 502. Thread-safe.
 */
public class CFindSourceArchive extends ConfiguredArchive {

    private static final List<DicomAttribute> STUDY_KEYS = List.of(DicomAttribute.STUDY_DATE,
            DicomAttribute.STUDY_TIME, DicomAttribute.ACCESSION_NUMBER, DicomAttribute.MODALITIES_IN_STUDY,
            DicomAttribute.SOP_CLASSES_IN_STUDY, DicomAttribute.REFERRING_PHYSICIAN_NAME, DicomAttribute.PATIENT_NAME,
            DicomAttribute.PATIENT_ID, DicomAttribute.ISSUER_OF_PATIENT_ID, DicomAttribute.PATIENT_BIRTH_DATE,
            DicomAttribute.PATIENT_SEX, DicomAttribute.STUDY_ID, DicomAttribute.STUDY_DESCRIPTION,
            DicomAttribute.INSTITUTION_NAME, DicomAttribute.NUMBER_OF_STUDY_RELATED_SERIES,
            DicomAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES, DicomAttribute.STUDY_INSTANCE_UID);
    private static final List<DicomAttribute> SERIES_KEYS = List.of(DicomAttribute.MODALITY,
            DicomAttribute.SERIES_DESCRIPTION, DicomAttribute.BODY_PART_EXAMINED, DicomAttribute.SERIES_INSTANCE_UID,
            DicomAttribute.SERIES_NUMBER);
    private static final List<DicomAttribute> INSTANCE_KEYS = List.of(DicomAttribute.SOP_CLASS_UID,
            DicomAttribute.SOP_INSTANCE_UID, DicomAttribute.INSTANCE_NUMBER, DicomAttribute.NUMBER_OF_FRAMES);

    private final RemoteAe remote;
    private final CFindScu scu;
    private List<Study> listing;

    /**
     * @param settings the source's configuration, with AE title, DIMSE host and port
     * @param scu      the C-FIND SCU (our calling AE title inside)
     * @throws IllegalArgumentException when the AE title, host or port is missing or invalid
     */
    public CFindSourceArchive(SourceSettings settings, CFindScu scu) {
        super(settings);
        this.remote = new RemoteAe(new org.imagingexchange.dicom.AeTitle(settings.aeTitle()), settings.dimseHost(),
                settings.dimsePort());
        this.scu = scu;
    }



    /** @return the archive's DIMSE address {@code dicom://AE@host:port} (not a WADO-RS URL: retrieved by C-GET) */
    @Override
    public String wadoRsBaseUrl() {
        return remote.address();
    }



    /** @return the archive's AE and presentation address */
    public RemoteAe remote() {
        return remote;
    }

    @Override
    public synchronized List<Study> studies(int offset, int limit) {
        if (offset == 0 || listing == null) {
            listing = listStudies();
        }
        List<Study> page = List.copyOf(listing.subList(Math.min(offset, listing.size()),
                Math.min(listing.size(), offset + limit)));
        if (page.size() < limit) {
            listing = null;
        }
        return page;
    }

    private List<Study> listStudies() {
        List<DicomDataset> matches = new ArrayList<>();
        find(keys(QueryRetrieveLevel.STUDY, STUDY_KEYS), matches::add, "studies");
        List<Study> studies = new ArrayList<>(parse(() -> DicomJsonParser.studies(DicomJsonWriter.toJson(matches)),
                "studies"));
        studies.sort(Comparator.comparing(Study::studyInstanceUid));
        return studies;
    }

    /** One SERIES-level query within the study, then one IMAGE-level query per series. */
    @Override
    public List<StudyManifest.SeriesManifest> contents(String studyInstanceUid) {
        List<DicomDataset> series = new ArrayList<>();
        find(keys(QueryRetrieveLevel.SERIES, SERIES_KEYS).putString(DicomAttribute.STUDY_INSTANCE_UID, studyInstanceUid),
                series::add, "series of study " + studyInstanceUid);
        List<DicomDataset> instances = new ArrayList<>();
        for (DicomDataset s : series) {
            String seriesUid = s.getString(DicomAttribute.SERIES_INSTANCE_UID);
            if (seriesUid == null || seriesUid.isBlank()) {
                throw new SourceArchiveResponseException("Source " + id() + " answered a series of study "
                        + studyInstanceUid + " without Series Instance UID", null);
            }
            find(keys(QueryRetrieveLevel.IMAGE, INSTANCE_KEYS)
                    .putString(DicomAttribute.STUDY_INSTANCE_UID, studyInstanceUid)
                    .putString(DicomAttribute.SERIES_INSTANCE_UID, seriesUid),
                    match -> instances.add(withSeries(match, s)), "instances of series " + seriesUid);
        }
        return parse(() -> DicomJsonParser.studyContents(DicomJsonWriter.toJson(instances)),
                "contents of study " + studyInstanceUid);
    }

    /** An instance match with its series' attributes, the shape of a QIDO-RS instance-level answer. */
    private static DicomDataset withSeries(DicomDataset instance, DicomDataset series) {
        DicomDataset out = new DicomDataset();
        for (DicomElement e : series.elements()) {
            out.put(e);
        }
        for (DicomElement e : instance.elements()) {
            if (e.tag() != DicomAttribute.QUERY_RETRIEVE_LEVEL.tag()) {
                out.put(e);
            }
        }
        return out;
    }

    private static DicomDataset keys(QueryRetrieveLevel level, List<DicomAttribute> returnKeys) {
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, level.name());
        returnKeys.forEach(k -> keys.putString(k));
        return keys;
    }

    private void find(DicomDataset identifier, Consumer<DicomDataset> onMatch, String what) {
        try {
            scu.find(remote, QueryRetrieveModel.STUDY_ROOT, identifier, onMatch);
        } catch (DimseTransportException e) {
            throw new SourceArchiveUnavailableException("Source " + id() + " unreachable: C-FIND for " + what + " at "
                    + remote.address() + " failed: " + e.getMessage(), e);
        } catch (DimseException e) {
            throw new SourceArchiveResponseException("Source " + id() + ": C-FIND for " + what + " at "
                    + remote.address() + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T parse(java.util.function.Supplier<T> reading, String what) {
        try {
            return reading.get();
        } catch (MalformedDicomJsonException e) {
            throw new SourceArchiveResponseException("Source " + id() + ": a C-FIND match for " + what
                    + " is unusable: " + e.getMessage(), e);
        }
    }
}
