package org.imagingexchange.registry.domain;

import java.util.Objects;

/**
 * Instance level of the eHN imaging study manifest (data set B.1.4.7).
 *
 * @param sopInstanceUid SOP Instance UID (0008,0018); required
 * @param sopClassUid    SOP Class UID (0008,0016); null when absent
 * @param instanceNumber Instance Number (0020,0013); null when absent
 * @param numberOfFrames Number of Frames (0028,0008); null for single-frame objects or when absent
 */
public record Instance(String sopInstanceUid, String sopClassUid, Integer instanceNumber, Integer numberOfFrames) {

    /** Compact constructor: the UID is required. */
    public Instance {
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    }
}
