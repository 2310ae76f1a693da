package org.imagingexchange.dicom.net;

import java.util.stream.Stream;
import org.imagingexchange.dicom.DicomDataset;

/**
 * Answers C-FIND requests, PS3.4 §C.4.1.3 (the registry, with the matching rules and consent
 * filtering of QIDO-RS). Threading: see package.
 */
@FunctionalInterface
public interface CFindScpHandler {

    /**
     * Finds the matches of one request.
     *
     * @param association who asks
     * @param model       the information model of the request's SOP class
     * @param level       the Query/Retrieve Level of the identifier
     * @param identifier  the request identifier (keys and return keys)
     * @return the matches, each sent as one pending response; may be lazy; the adapter closes the
     *         stream after the last response, or after a C-CANCEL-RQ, when no further match is taken
     *         and the final response carries FE00
     * @throws DimseException with the failure status (A700, A900, C000, 0124)
     */
    Stream<DicomDataset> find(AssociationInfo association, QueryRetrieveModel model, QueryRetrieveLevel level,
            DicomDataset identifier) throws DimseException;
}
