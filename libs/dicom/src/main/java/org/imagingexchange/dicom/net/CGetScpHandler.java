package org.imagingexchange.dicom.net;

import java.util.List;
import org.imagingexchange.dicom.DicomDataset;

/**
 * Selects the instances of a C-GET request, PS3.4 §C.4.3.3; the adapter sends them back over the
 * same association as C-STORE sub-operations and reports the counts. Threading: see package.
 */
@FunctionalInterface
public interface CGetScpHandler {

    /**
     * @param association who asks
     * @param model       the information model
     * @param level       the Query/Retrieve Level
     * @param identifier  unique keys of the level
     * @return the instances to send, empty for no match (final status Success with zero counts)
     * @throws DimseException with the failure status (A701, A900, C000, 0124)
     */
    List<RetrievableInstance> select(AssociationInfo association, QueryRetrieveModel model, QueryRetrieveLevel level,
            DicomDataset identifier) throws DimseException;
}
