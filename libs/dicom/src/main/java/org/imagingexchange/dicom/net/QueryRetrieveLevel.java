package org.imagingexchange.dicom.net;

/** Query/Retrieve Level (0008,0052), PS3.4 §C.3: the level of the information model a key targets. */
public enum QueryRetrieveLevel {
    PATIENT, STUDY, SERIES, IMAGE;

    /**
     * Parses the Query/Retrieve Level value.
     *
     * @param value the CS value, surrounding spaces ignored
     * @return the level
     * @throws IllegalArgumentException when the value is not one of PATIENT, STUDY, SERIES, IMAGE
     *                                  (becomes DIMSE status A900 at the SCP)
     */
    public static QueryRetrieveLevel parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Query/Retrieve Level (0008,0052) is required (PS3.4 C.4.1.1.3.1)");
        }
        try {
            return valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Query/Retrieve Level is PATIENT, STUDY, SERIES or IMAGE, got " + value, e);
        }
    }
}
