package org.imagingexchange.dicom.net;

import java.util.List;
import org.imagingexchange.dicom.DicomDataset;

/**
 * Selects the instances of a C-MOVE request, PS3.4 §C.4.2.3; the adapter resolves the Move
 * Destination among the configured destinations (unknown: status A801) and sends the instances
 * there on a new association. Threading: see package.
 */
@FunctionalInterface
public interface CMoveScpHandler {

    /**
     * @param association who asks
     * @param model       the information model
     * @param level       the Query/Retrieve Level
     * @param identifier  unique keys of the level
     * @return the instances to send, empty for no match
     * @throws DimseException with the failure status (A701, A900, C000, 0124)
     */
    List<RetrievableInstance> select(AssociationInfo association, QueryRetrieveModel model, QueryRetrieveLevel level,
            DicomDataset identifier) throws DimseException;
}
