package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.query.QueryResponseGenerator;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.AssociationInfo;
import org.imagingexchange.dicom.net.CFindScpHandler;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.imagingexchange.dicom.net.QueryRetrieveModel;

/**
 * C-FIND SCP behaviour, PS3.4 §C.4.1.3, as PixelMed's query generator: asks the handler, then hands
 * PixelMed one match per pending response (FF00). A missing or unknown Query/Retrieve Level is
 * answered A900, a handler failure with its status, an absent handler with 0122. A C-CANCEL-RQ
 * (seen between two matches) ends the matches; the final response then carries FE00 (PS3.4
 * C.4.1.3.1, set by {@link TappedSocket}). One instance per request, used on the association's thread.
 */
final class FindResponses extends RequestOutcome implements QueryResponseGenerator {

    private static final Logger LOG = Logger.getLogger(FindResponses.class.getName());

    private final ScpConnection connection;
    private final AssociationInfo association;
    private final CFindScpHandler handler;
    private Stream<DicomDataset> matches;
    private Iterator<DicomDataset> iterator;

    FindResponses(ScpConnection connection, AssociationInfo association, CFindScpHandler handler) {
        this.connection = connection;
        this.association = association;
        this.handler = handler;
    }

    @Override
    public void performQuery(String sopClassUid, AttributeList identifier, boolean relational) {
        if (handler == null) {
            fail(DimseStatus.REFUSED_SOP_CLASS_NOT_SUPPORTED.code(), "C-FIND not offered");
            return;
        }
        try {
            DicomDataset keys = PixelMedAttributes.toDataset(identifier);
            QueryRetrieveModel model = QueryRetrieveModel.bySopClass(sopClassUid).orElseThrow(
                    () -> new DimseException(DimseStatus.REFUSED_SOP_CLASS_NOT_SUPPORTED, "not a Q/R SOP class"));
            QueryRetrieveLevel level = QueryRetrieveLevel.parse(keys.getString(DicomAttribute.QUERY_RETRIEVE_LEVEL));
            matches = handler.find(association, model, level, keys);
            iterator = matches.iterator();
        } catch (IllegalArgumentException e) {
            fail(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.code(), e.getMessage());
        } catch (DimseException e) {
            fail(e.statusCode(), e.getMessage());
        } catch (DicomException e) {
            fail(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "C-FIND handler failed", e);
            fail(DimseStatus.UNABLE_TO_PROCESS.code(), "unable to process");
        }
    }

    @Override
    public AttributeList next() {
        try {
            if (iterator == null || connection.cancelRequested() || !iterator.hasNext()) {
                return null;
            }
            return PixelMedAttributes.toAttributeList(iterator.next());
        } catch (DicomException | RuntimeException e) {
            // A match that cannot be encoded ends the responses; PixelMed then sends the final status.
            LOG.log(Level.WARNING, "C-FIND match not sent", e);
            return null;
        }
    }

    @Override
    public void close() {
        if (matches != null) {
            matches.close();
        }
    }

    @Override
    public boolean allOptionalKeysSuppliedWereSupported() {
        return true;
    }
}
