package org.imagingexchange.registry.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.imagingexchange.registry.domain.Instance;

/** Row of {@code imaging_instance}: instance level of the eHN manifest (B.1.4.7). */
@Entity
@Table(name = "imaging_instance")
public class InstanceEntity {

    @Id
    @Column(name = "sop_instance_uid")
    String sopInstanceUid;
    @Column(name = "series_instance_uid")
    String seriesInstanceUid;
    @Column(name = "study_instance_uid")
    String studyInstanceUid;
    @Column(name = "sop_class_uid")
    String sopClassUid;
    @Column(name = "instance_number")
    Integer instanceNumber;
    @Column(name = "number_of_frames")
    Integer numberOfFrames;

    void apply(String studyUid, String seriesUid, Instance i) {
        studyInstanceUid = studyUid;
        seriesInstanceUid = seriesUid;
        sopInstanceUid = i.sopInstanceUid();
        sopClassUid = i.sopClassUid();
        instanceNumber = i.instanceNumber();
        numberOfFrames = i.numberOfFrames();
    }

    /** Takes what a registration lists over this row: attributes it gives replace, those it lacks stay. */
    void merge(String studyUid, String seriesUid, Instance i) {
        studyInstanceUid = studyUid;
        seriesInstanceUid = seriesUid;
        sopClassUid = i.sopClassUid() != null ? i.sopClassUid() : sopClassUid;
        instanceNumber = i.instanceNumber() != null ? i.instanceNumber() : instanceNumber;
        numberOfFrames = i.numberOfFrames() != null ? i.numberOfFrames() : numberOfFrames;
    }

    Instance toDomain() {
        return new Instance(sopInstanceUid, sopClassUid, instanceNumber, numberOfFrames);
    }
}
