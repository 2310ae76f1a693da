package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.network.ReceivedObjectHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.InvalidDicomObjectException;
import org.imagingexchange.dicom.net.AssociationInfo;
import org.imagingexchange.dicom.net.CStoreScpHandler;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.InstanceHeader;

/**
 * C-STORE SCP behaviour, PS3.4 §B.2.2: PixelMed has spooled the received data set to a file with
 * File Meta Information; this reads it completely without decompressing (a truncated or malformed
 * object is answered C000, one without SOP identifiers or whose SOP Instance UID differs from the
 * request's A900, and nothing is handed on), gives the header to the handler, records the status to
 * answer and deletes the file. Called on the association's thread, before PixelMed sends the
 * C-STORE-RSP.
 */
final class HeaderIngest extends ReceivedObjectHandler {

    private static final Logger LOG = Logger.getLogger(HeaderIngest.class.getName());

    private final ScpConnection connection;
    private final AssociationInfo association;
    private final CStoreScpHandler handler;
    private final PixelMedPart10Reader reader = new PixelMedPart10Reader();

    HeaderIngest(ScpConnection connection, AssociationInfo association, CStoreScpHandler handler) {
        this.connection = connection;
        this.association = association;
        this.handler = handler;
    }

    @Override
    public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAeTitle) {
        Path file = Path.of(fileName);
        try {
            connection.storeStatus(store(file, transferSyntax));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "received file not deleted: " + file, e);
            }
        }
    }

    private int store(Path file, String transferSyntax) {
        if (handler == null) {
            return DimseStatus.REFUSED_SOP_CLASS_NOT_SUPPORTED.code();
        }
        try {
            DicomDataset header = reader.readVerified(file);
            String requested = header.getString(DicomAttribute.MEDIA_STORAGE_SOP_INSTANCE_UID);
            String sopInstanceUid = header.getString(DicomAttribute.SOP_INSTANCE_UID);
            if (requested != null && !requested.equals(sopInstanceUid)) {
                return DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.code();
            }
            return handler.store(association, new InstanceHeader(header.getString(DicomAttribute.SOP_CLASS_UID),
                    sopInstanceUid, transferSyntax, header)).code();
        } catch (InvalidDicomObjectException e) {
            LOG.log(Level.INFO, "C-STORE from {0} refused: {1}", new Object[] {association.callingAeTitle(), e.getMessage()});
            return e.status().code();
        } catch (DimseException e) {
            return e.statusCode();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "C-STORE spool file unreadable", e);
            return DimseStatus.REFUSED_OUT_OF_RESOURCES.code();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "C-STORE handler failed", e);
            return DimseStatus.PROCESSING_FAILURE.code();
        }
    }
}
