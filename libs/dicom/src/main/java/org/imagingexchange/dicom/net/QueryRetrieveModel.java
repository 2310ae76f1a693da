package org.imagingexchange.dicom.net;

import java.util.Arrays;
import java.util.Optional;
import org.imagingexchange.dicom.SopClass;

/**
 * Query/Retrieve information models, PS3.4 §C.6: Patient Root and Study Root, each with its FIND,
 * MOVE and GET SOP classes.
 */
public enum QueryRetrieveModel {
    PATIENT_ROOT(SopClass.PATIENT_ROOT_FIND, SopClass.PATIENT_ROOT_MOVE, SopClass.PATIENT_ROOT_GET),
    STUDY_ROOT(SopClass.STUDY_ROOT_FIND, SopClass.STUDY_ROOT_MOVE, SopClass.STUDY_ROOT_GET);

    private final String findSopClass;
    private final String moveSopClass;
    private final String getSopClass;

    QueryRetrieveModel(String find, String move, String get) {
        this.findSopClass = find;
        this.moveSopClass = move;
        this.getSopClass = get;
    }

    /** @return the C-FIND SOP class UID */
    public String findSopClass() {
        return findSopClass;
    }

    /** @return the C-MOVE SOP class UID */
    public String moveSopClass() {
        return moveSopClass;
    }

    /** @return the C-GET SOP class UID */
    public String getSopClass() {
        return getSopClass;
    }

    /**
     * Finds the model a FIND, MOVE or GET SOP class belongs to.
     *
     * @param sopClassUid the affected SOP class of a request
     * @return the model, empty for other SOP classes
     */
    public static Optional<QueryRetrieveModel> bySopClass(String sopClassUid) {
        return Arrays.stream(values()).filter(m -> m.findSopClass.equals(sopClassUid)
                || m.moveSopClass.equals(sopClassUid) || m.getSopClass.equals(sopClassUid)).findFirst();
    }
}
