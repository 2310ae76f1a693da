package org.imagingexchange.registry.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imagingexchange.registry.domain.Series;

/** Row of {@code imaging_series}: series level of the eHN manifest (B.1.4). */
@Entity
@Table(name = "imaging_series")
public class SeriesEntity {

    @Id
    @Column(name = "series_instance_uid")
    String seriesInstanceUid;
    @Column(name = "study_instance_uid")
    String studyInstanceUid;
    @Column(name = "modality")
    String modality;
    @Column(name = "series_number")
    Integer seriesNumber;
    @Column(name = "series_description")
    String seriesDescription;
    @Column(name = "body_part_examined")
    String bodyPartExamined;
    @Column(name = "number_of_instances")
    int numberOfInstances;

    void apply(String studyUid, Series s) {
        studyInstanceUid = studyUid;
        seriesInstanceUid = s.seriesInstanceUid();
        modality = s.modality();
        seriesNumber = s.seriesNumber();
        seriesDescription = s.seriesDescription();
        bodyPartExamined = s.bodyPartExamined();
        numberOfInstances = s.numberOfInstances();
    }

    /** Takes what a registration lists over this row: attributes it gives replace, those it lacks stay. */
    void merge(String studyUid, Series s) {
        studyInstanceUid = studyUid;
        modality = s.modality() != null ? s.modality() : modality;
        seriesNumber = s.seriesNumber() != null ? s.seriesNumber() : seriesNumber;
        seriesDescription = s.seriesDescription() != null ? s.seriesDescription() : seriesDescription;
        bodyPartExamined = s.bodyPartExamined() != null ? s.bodyPartExamined() : bodyPartExamined;
    }

    Series toDomain() {
        return new Series(seriesInstanceUid, modality, seriesNumber, seriesDescription, bodyPartExamined,
                numberOfInstances);
    }
}
