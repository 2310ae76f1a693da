package org.imagingexchange.registry.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagingexchange.registry.domain.DateRange;
import org.imagingexchange.registry.domain.DicomAttribute;
import org.imagingexchange.registry.domain.FieldSelection;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.Located;
import org.imagingexchange.registry.domain.SeriesInstance;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;

/**
 * Writes QIDO-RS results in the DICOM JSON model (PS3.18 Annex F): one object per match with the
 * attributes of PS3.18 Table 10.6.3-3 (study), 10.6.3-4 (series) and 10.6.3-5 (instance), tags in
 * ascending order, empty attributes as {@code {"vr":..}} without Value, PN split into its component
 * groups, Retrieve URL (0008,1190) on the platform's public WADO-RS base. Thread-safe.
 */
final class DicomJsonWriter {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader for the provider on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    /** Specific Character Set of every answer: ISO_IR 192 (UTF-8; JSON is always Unicode). */
    static final String UTF8_CHARACTER_SET = "ISO_IR 192";

    private final String wadoBase;

    /** @param wadoBase the platform's WADO-RS base URL, without trailing slash */
    DicomJsonWriter(String wadoBase) {
        this.wadoBase = wadoBase;
    }

    /** @return the study-level results */
    JsonArray studies(List<Study> studies, FieldSelection fields) {
        JsonArrayBuilder out = JSON_PROVIDER.createArrayBuilder();
        for (Study s : studies) {
            Attrs a = new Attrs();
            a.text(DicomAttribute.SPECIFIC_CHARACTER_SET, UTF8_CHARACTER_SET);
            a.date(DicomAttribute.STUDY_DATE, s.studyDate());
            a.text(DicomAttribute.STUDY_TIME, s.studyTime());
            a.text(DicomAttribute.ACCESSION_NUMBER, s.accessionNumber());
            a.texts(DicomAttribute.MODALITIES_IN_STUDY, s.modalitiesInStudy());
            a.personName(DicomAttribute.REFERRING_PHYSICIAN_NAME, s.referringPhysicianName());
            a.text(DicomAttribute.STUDY_DESCRIPTION, s.studyDescription());
            a.text(DicomAttribute.RETRIEVE_URL, wadoBase + "/studies/" + s.studyInstanceUid());
            a.personName(DicomAttribute.PATIENT_NAME, s.patientName());
            a.text(DicomAttribute.PATIENT_ID, s.patientId());
            a.text(DicomAttribute.ISSUER_OF_PATIENT_ID, s.issuerOfPatientId());
            a.date(DicomAttribute.PATIENT_BIRTH_DATE, s.patientBirthDate());
            a.text(DicomAttribute.PATIENT_SEX, s.patientSex());
            a.text(DicomAttribute.STUDY_INSTANCE_UID, s.studyInstanceUid());
            a.text(DicomAttribute.STUDY_ID, s.studyId());
            a.integer(DicomAttribute.NUMBER_OF_STUDY_RELATED_SERIES, s.numberOfSeries());
            a.integer(DicomAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES, s.numberOfInstances());
            if (fields.includes(DicomAttribute.BODY_PART_EXAMINED)) {
                a.texts(DicomAttribute.BODY_PART_EXAMINED, s.bodyPartsExamined());
            }
            if (fields.includes(DicomAttribute.INSTITUTION_NAME)) {
                a.text(DicomAttribute.INSTITUTION_NAME, s.institutionName());
            }
            if (fields.includes(DicomAttribute.SOP_CLASSES_IN_STUDY)) {
                a.texts(DicomAttribute.SOP_CLASSES_IN_STUDY, s.sopClassesInStudy());
            }
            out.add(a.build());
        }
        return out.build();
    }

    /** @return series-level results across studies, each with its Study Instance UID */
    JsonArray seriesAcross(List<Located<Series>> rows) {
        JsonArrayBuilder out = JSON_PROVIDER.createArrayBuilder();
        rows.forEach(r -> out.add(series(r.study().studyInstanceUid(), r.item())));
        return out.build();
    }

    /** @return instance-level results across studies, each with its series' attributes (PS3.18 Table 10.6.3-5) */
    JsonArray instancesAcross(List<Located<SeriesInstance>> rows) {
        JsonArrayBuilder out = JSON_PROVIDER.createArrayBuilder();
        for (Located<SeriesInstance> r : rows) {
            JsonObjectBuilder o = JSON_PROVIDER.createObjectBuilder(instance(r.study().studyInstanceUid(),
                    r.item().series().seriesInstanceUid(), r.item().instance()));
            Attrs series = new Attrs();
            series.text(DicomAttribute.MODALITY, r.item().series().modality());
            series.integer(DicomAttribute.SERIES_NUMBER, r.item().series().seriesNumber());
            series.build().forEach(o::add);
            out.add(sorted(o.build()));
        }
        return out.build();
    }

    /** @return the series-level results of one study */
    JsonArray series(String studyUid, List<Series> series) {
        JsonArrayBuilder out = JSON_PROVIDER.createArrayBuilder();
        series.forEach(s -> out.add(series(studyUid, s)));
        return out.build();
    }

    private JsonObject series(String studyUid, Series s) {
        Attrs a = new Attrs();
        a.text(DicomAttribute.SPECIFIC_CHARACTER_SET, UTF8_CHARACTER_SET);
        a.text(DicomAttribute.MODALITY, s.modality());
        a.text(DicomAttribute.SERIES_DESCRIPTION, s.seriesDescription());
        a.text(DicomAttribute.RETRIEVE_URL, wadoBase + "/studies/" + studyUid + "/series/" + s.seriesInstanceUid());
        a.text(DicomAttribute.BODY_PART_EXAMINED, s.bodyPartExamined());
        a.text(DicomAttribute.STUDY_INSTANCE_UID, studyUid);
        a.text(DicomAttribute.SERIES_INSTANCE_UID, s.seriesInstanceUid());
        a.integer(DicomAttribute.SERIES_NUMBER, s.seriesNumber());
        a.integer(DicomAttribute.NUMBER_OF_SERIES_RELATED_INSTANCES, s.numberOfInstances());
        return a.build();
    }

    /** @return the instance-level results of one series */
    JsonArray instances(String studyUid, String seriesUid, List<Instance> instances) {
        JsonArrayBuilder out = JSON_PROVIDER.createArrayBuilder();
        instances.forEach(i -> out.add(instance(studyUid, seriesUid, i)));
        return out.build();
    }

    private JsonObject instance(String studyUid, String seriesUid, Instance i) {
        Attrs a = new Attrs();
        a.text(DicomAttribute.SPECIFIC_CHARACTER_SET, UTF8_CHARACTER_SET);
        a.text(DicomAttribute.SOP_CLASS_UID, i.sopClassUid());
        a.text(DicomAttribute.SOP_INSTANCE_UID, i.sopInstanceUid());
        a.text(DicomAttribute.RETRIEVE_URL, wadoBase + "/studies/" + studyUid + "/series/" + seriesUid
                + "/instances/" + i.sopInstanceUid());
        a.text(DicomAttribute.STUDY_INSTANCE_UID, studyUid);
        a.text(DicomAttribute.SERIES_INSTANCE_UID, seriesUid);
        a.integer(DicomAttribute.INSTANCE_NUMBER, i.instanceNumber());
        a.integer(DicomAttribute.NUMBER_OF_FRAMES, i.numberOfFrames());
        return a.build();
    }

    private static JsonObject sorted(JsonObject o) {
        JsonObjectBuilder b = JSON_PROVIDER.createObjectBuilder();
        new TreeMap<>(o).forEach(b::add);
        return b.build();
    }

    /** Attributes of one result, kept in tag order (PS3.18 F.2.1.1). */
    private static final class Attrs {
        private final Map<String, JsonObject> byTag = new TreeMap<>();

        void text(DicomAttribute attr, String value) {
            texts(attr, value == null || value.isEmpty() ? List.of() : List.of(value));
        }

        void texts(DicomAttribute attr, List<String> values) {
            JsonObjectBuilder e = JSON_PROVIDER.createObjectBuilder().add("vr", attr.vr());
            if (!values.isEmpty()) {
                JsonArrayBuilder v = JSON_PROVIDER.createArrayBuilder();
                values.forEach(v::add);
                e.add("Value", v);
            }
            byTag.put(attr.tag(), e.build());
        }

        void date(DicomAttribute attr, LocalDate value) {
            text(attr, value == null ? null : value.format(DateRange.DA));
        }

        void integer(DicomAttribute attr, Integer value) {
            JsonObjectBuilder e = JSON_PROVIDER.createObjectBuilder().add("vr", attr.vr());
            if (value != null) {
                e.add("Value", JSON_PROVIDER.createArrayBuilder().add(value));
            }
            byTag.put(attr.tag(), e.build());
        }

        /** PN as {"Alphabetic":..,"Ideographic":..,"Phonetic":..} (PS3.18 F.2.2), empty groups left out. */
        void personName(DicomAttribute attr, String pn) {
            JsonObjectBuilder e = JSON_PROVIDER.createObjectBuilder().add("vr", attr.vr());
            if (pn != null && !pn.isEmpty()) {
                String[] groups = pn.split("=", -1);
                String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
                JsonObjectBuilder name = JSON_PROVIDER.createObjectBuilder();
                for (int g = 0; g < Math.min(groups.length, names.length); g++) {
                    if (!groups[g].isEmpty()) {
                        name.add(names[g], groups[g]);
                    }
                }
                e.add("Value", JSON_PROVIDER.createArrayBuilder().add(name));
            }
            byTag.put(attr.tag(), e.build());
        }

        JsonObject build() {
            JsonObjectBuilder o = JSON_PROVIDER.createObjectBuilder();
            byTag.forEach(o::add);
            return o.build();
        }
    }
}
