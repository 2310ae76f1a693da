package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.query.RetrieveResponseGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.AssociationInfo;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseScpConfig;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.dicom.net.RetrievableInstance;

/**
 * C-GET and C-MOVE SCP behaviour, PS3.4 §C.4.3.3 / §C.4.2.3, as PixelMed's retrieve generator: asks
 * the C-GET or C-MOVE handler for the instances and hands them to PixelMed as a {@link RetrieveSet}
 * (C-GET: each opened just before it is sent; C-MOVE: all spooled first), which runs the C-STORE
 * sub-operations with pending responses; the final status and counts are those of
 * {@link FinalRetrieveResponse}. A Move Destination that is not configured is answered A801 before
 * anything is selected. One instance per request, used on the association's thread.
 */
final class RetrieveResponses extends RequestOutcome implements RetrieveResponseGenerator {

    private static final Logger LOG = Logger.getLogger(RetrieveResponses.class.getName());

    private final ScpConnection connection;
    private final AssociationInfo association;
    private final DimseScpConfig config;
    private final Path spool;
    private SetOfDicomFiles files;

    RetrieveResponses(ScpConnection connection, AssociationInfo association, DimseScpConfig config, Path spool) {
        this.connection = connection;
        this.association = association;
        this.config = config;
        this.spool = spool;
    }

    @Override
    public void performRetrieve(String sopClassUid, AttributeList identifier, boolean relational) {
        try {
            QueryRetrieveModel model = QueryRetrieveModel.bySopClass(sopClassUid).orElseThrow(
                    () -> new DimseException(DimseStatus.REFUSED_SOP_CLASS_NOT_SUPPORTED, "not a Q/R SOP class"));
            DicomDataset keys = PixelMedAttributes.toDataset(identifier);
            QueryRetrieveLevel level = QueryRetrieveLevel.parse(keys.getString(DicomAttribute.QUERY_RETRIEVE_LEVEL));
            boolean move = model.moveSopClass().equals(sopClassUid);
            List<RetrievableInstance> selected = select(move, model, level, keys);
            files = move ? RetrieveSet.spooled(selected, connection, spool) : RetrieveSet.streaming(selected, connection, spool);
            connection.subOperations(files.size(), selected.size() - files.size());
            if (files.isEmpty() && !selected.isEmpty()) {
                fail(DimseStatus.REFUSED_OUT_OF_RESOURCES_SUB_OPERATIONS.code(), "none of the instances could be had");
            }
        } catch (IllegalArgumentException | DicomException e) {
            fail(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.code(), e.getMessage());
        } catch (DimseException e) {
            fail(e.statusCode(), e.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "retrieve spool failed", e);
            fail(DimseStatus.REFUSED_OUT_OF_RESOURCES_SUB_OPERATIONS.code(), "unable to perform sub-operations");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retrieve handler failed", e);
            fail(DimseStatus.UNABLE_TO_PROCESS.code(), "unable to process");
        }
    }

    private List<RetrievableInstance> select(boolean move, QueryRetrieveModel model, QueryRetrieveLevel level,
            DicomDataset keys) throws DimseException {
        if (move) {
            String destination = connection.moveDestination();
            boolean known = config.moveDestinations().keySet().stream().anyMatch(ae -> ae.value().equals(destination));
            if (!known) {
                throw new DimseException(DimseStatus.REFUSED_MOVE_DESTINATION_UNKNOWN, "move destination unknown: " + destination);
            }
            if (config.move() == null) {
                throw new DimseException(DimseStatus.REFUSED_SOP_CLASS_NOT_SUPPORTED, "C-MOVE not offered");
            }
            return config.move().select(association, model, level, keys);
        }
        if (config.get() == null) {
            throw new DimseException(DimseStatus.REFUSED_SOP_CLASS_NOT_SUPPORTED, "C-GET not offered");
        }
        return config.get().select(association, model, level, keys);
    }

    @Override
    public SetOfDicomFiles getDicomFiles() {
        return files;
    }

    @Override
    public void close() {
        // Spooled files stay until PixelMed has sent them; the connection deletes its spool folder.
    }
}
