package org.imagingexchange.registry.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;
import org.imagingexchange.registry.domain.StudyRegistration;

/**
 * Reads an IHE XDS-I / MADO Key Object Selection manifest (KOS, PS3.3 A.35.4; SOP Class
 * 1.2.840.10008.5.1.4.1.1.88.59) into study registrations: one per item of the Current Requested Procedure
 * Evidence Sequence (0040,A375), with the patient of the KOS, the referenced series (Referenced Series
 * Sequence (0008,1115); Modality, Series Description and Series Number where a MADO manifest adds them) and
 * instances (Referenced SOP Sequence (0008,1199)). Where the study can be retrieved comes from the series
 * items: a Retrieve URL (0008,1190, MADO; the WADO-RS base is the part before {@code /studies/}) or a Retrieve
 * AE Title (0008,0054, XDS-I) that the caller resolves to a configured archive. Study Date, Time, Description
 * and Accession Number are taken from the KOS when it belongs to the study it references. Pure.
 */
final class KeyObjectSelectionReader {

    private KeyObjectSelectionReader() {
    }

    /**
     * @param kos        the KOS header as received by C-STORE
     * @param aeToWadoRs WADO-RS base URL of the archive with that AE title; empty when none is configured
     * @return the registrations, in evidence order; empty when the KOS references nothing
     */
    static List<StudyRegistration> read(DicomDataset kos, Function<String, Optional<String>> aeToWadoRs) {
        List<PatientIdentifier> others = HeaderValues.otherPatientIds(kos);
        String ownStudy = kos.getString(DicomAttribute.STUDY_INSTANCE_UID);
        List<StudyRegistration> out = new ArrayList<>();
        List<DicomDataset> evidence = kos.getItems(DicomAttribute.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE);
        for (int e = 0; e < evidence.size(); e++) {
            DicomDataset item = evidence.get(e);
            String location = "CurrentRequestedProcedureEvidenceSequence[" + e + "]";
            String uid = item.getString(DicomAttribute.STUDY_INSTANCE_UID);
            if (uid == null) {
                uid = "";
            }
            boolean same = uid.equals(ownStudy);
            Study header = new Study(uid, kos.getString(DicomAttribute.PATIENT_ID),
                    kos.getString(DicomAttribute.ISSUER_OF_PATIENT_ID),
                    HeaderValues.name(kos, DicomAttribute.PATIENT_NAME),
                    HeaderValues.date(kos, DicomAttribute.PATIENT_BIRTH_DATE), kos.getString(DicomAttribute.PATIENT_SEX),
                    same ? HeaderValues.date(kos, DicomAttribute.STUDY_DATE) : null,
                    same ? kos.getString(DicomAttribute.STUDY_TIME) : null,
                    same ? kos.getString(DicomAttribute.ACCESSION_NUMBER) : null, null, null,
                    same ? kos.getString(DicomAttribute.STUDY_DESCRIPTION) : null, null, null, List.of(), List.of(),
                    List.of(), others, 0, 0, null);
            List<StudyManifest.SeriesManifest> series = new ArrayList<>();
            String address = null;
            for (DicomDataset s : item.getItems(DicomAttribute.REFERENCED_SERIES_SEQUENCE)) {
                String seriesUid = s.getString(DicomAttribute.SERIES_INSTANCE_UID);
                if (seriesUid == null) {
                    continue;
                }
                List<Instance> instances = new ArrayList<>();
                for (DicomDataset sop : s.getItems(DicomAttribute.REFERENCED_SOP_SEQUENCE)) {
                    String sopUid = sop.getString(DicomAttribute.REFERENCED_SOP_INSTANCE_UID);
                    if (sopUid != null) {
                        instances.add(new Instance(sopUid, sop.getString(DicomAttribute.REFERENCED_SOP_CLASS_UID),
                                HeaderValues.integer(sop, DicomAttribute.INSTANCE_NUMBER), null));
                    }
                }
                series.add(new StudyManifest.SeriesManifest(new Series(seriesUid, s.getString(DicomAttribute.MODALITY),
                        HeaderValues.integer(s, DicomAttribute.SERIES_NUMBER), s.getString(DicomAttribute.SERIES_DESCRIPTION),
                        null, instances.size()), instances));
                if (address == null) {
                    address = wadoRsBase(s.getString(DicomAttribute.RETRIEVE_URL))
                            .or(() -> Optional.ofNullable(s.getString(DicomAttribute.RETRIEVE_AE_TITLE))
                                    .flatMap(aeToWadoRs))
                            .orElse(null);
                }
            }
            out.add(new StudyRegistration(location, header, series, address));
        }
        return out;
    }

    /** @return the WADO-RS base of a study or series Retrieve URL (the part before {@code /studies/}) */
    static Optional<String> wadoRsBase(String retrieveUrl) {
        if (retrieveUrl == null || retrieveUrl.isBlank()) {
            return Optional.empty();
        }
        int studies = retrieveUrl.indexOf("/studies/");
        return Optional.of(studies < 0 ? retrieveUrl.strip() : retrieveUrl.substring(0, studies));
    }
}
