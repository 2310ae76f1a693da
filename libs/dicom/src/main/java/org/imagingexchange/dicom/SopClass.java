package org.imagingexchange.dicom;

/**
 * SOP Class UIDs the platform refers to by name, PS3.6 Annex A (Verification PS3.4 Annex A,
 * Query/Retrieve PS3.4 Annex C, Key Object Selection PS3.4 Annex B for IHE MADO / XDS-I manifests).
 * Storage SOP classes are not listed: every one is accepted.
 */
public final class SopClass {

    /** Verification SOP Class, PS3.4 Annex A (C-ECHO). */
    public static final String VERIFICATION = "1.2.840.10008.1.1";
    /** Patient Root Query/Retrieve Information Model - FIND, PS3.4 C.6.1. */
    public static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
    /** Patient Root Query/Retrieve Information Model - MOVE. */
    public static final String PATIENT_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.1.2";
    /** Patient Root Query/Retrieve Information Model - GET. */
    public static final String PATIENT_ROOT_GET = "1.2.840.10008.5.1.4.1.2.1.3";
    /** Study Root Query/Retrieve Information Model - FIND, PS3.4 C.6.2. */
    public static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    /** Study Root Query/Retrieve Information Model - MOVE. */
    public static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    /** Study Root Query/Retrieve Information Model - GET. */
    public static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    /** Key Object Selection Document Storage (IHE XDS-I.b / MADO manifest). */
    public static final String KEY_OBJECT_SELECTION_DOCUMENT = "1.2.840.10008.5.1.4.1.1.88.59";

    private SopClass() {
    }
}
