package org.imagingexchange.dicom.net;

import java.util.function.Consumer;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;

/**
 * C-FIND as SCU, PS3.4 §C.4.1: queries a peer archive (the crawl of DIMSE-only sources). Threading:
 * see package; {@code onMatch} runs on the calling thread once per pending response, in arrival
 * order, with a data set it may keep.
 */
@FunctionalInterface
public interface CFindScu {

    /**
     * Sends one C-FIND-RQ and delivers each match.
     *
     * @param remote     the peer
     * @param model      the information model (Patient Root or Study Root)
     * @param identifier the query keys including Query/Retrieve Level (0008,0052); empty elements
     *                   are return keys (PS3.4 §C.2.2.1)
     * @param onMatch    receives each pending response's identifier; after a RuntimeException it
     *                   throws, no further match is delivered, the association ends normally and the
     *                   exception is rethrown
     * @return {@link DimseStatus#SUCCESS} or {@link DimseStatus#CANCEL}
     * @throws DimseException with the peer's failure status (A700, A900, C000, ...), or its
     *                        subclasses for rejection and transport failures
     */
    DimseStatus find(RemoteAe remote, QueryRetrieveModel model, DicomDataset identifier,
            Consumer<DicomDataset> onMatch) throws DimseException;
}
