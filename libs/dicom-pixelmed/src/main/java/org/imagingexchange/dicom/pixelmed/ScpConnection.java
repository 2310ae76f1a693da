package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStoreFindMoveGetPresentationContextSelectionPolicy;
import com.pixelmed.network.ApplicationEntityMap;
import com.pixelmed.network.PresentationAddress;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.AssociationRejectReason;
import org.imagingexchange.dicom.net.AssociationInfo;
import org.imagingexchange.dicom.net.DimseScpConfig;
import org.imagingexchange.dicom.net.RemoteAe;

/**
 * One accepted TCP connection of the SCP node: checks the A-ASSOCIATE-RQ (called and calling AE
 * title, PS3.8 §9.3.2) and rejects with the right reason (PS3.8 §9.3.4), else runs PixelMed's
 * association acceptor on a {@link TappedSocket} with handlers bound to this association. Holds
 * the per-association state the taps share (status for the next C-STORE-RSP, last Move
 * Destination) and a spool folder, deleted when the association ends. Runs on one thread.
 */
final class ScpConnection implements Runnable {

    private static final Logger LOG = Logger.getLogger(ScpConnection.class.getName());
    /** Largest A-ASSOCIATE-RQ accepted, bytes; real ones are a few kB. */
    private static final int MAX_ASSOCIATE_RQ = 1 << 20;
    private static final int REQUEST_TIMEOUT_MS = 30_000;
    private static final int MAX_PDU_RECEIVED = 65_536;

    private final Socket socket;
    private final DimseScpConfig config;
    private final Path spoolRoot;
    private volatile int storeStatus = -1;
    private volatile String moveDestination;
    private TappedSocket tapped;
    /** State of the C-FIND, C-GET or C-MOVE request being served (one at a time per association). */
    private int requestMessageId = -1;
    private boolean cancelled;
    private int subOperations = -1;
    private int unavailable;

    ScpConnection(Socket socket, DimseScpConfig config, Path spoolRoot) {
        this.socket = socket;
        this.config = config;
        this.spoolRoot = spoolRoot;
    }

    @Override
    public void run() {
        Path spool = null;
        try (socket) {
            socket.setSoTimeout(REQUEST_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            byte[] request = readAssociateRequest(socket.getInputStream());
            if (request == null) {
                return;
            }
            byte[] body = java.util.Arrays.copyOfRange(request, UpperLayer.PDU_HEADER_LENGTH, request.length);
            String called = UpperLayer.aeTitleField(body, 4);
            String calling = UpperLayer.aeTitleField(body, 20);
            Optional<AssociationRejectReason> refusal = refusal(called, calling);
            if (refusal.isPresent()) {
                reject(socket.getOutputStream(), refusal.get(), calling);
                return;
            }
            socket.setSoTimeout(0);
            spool = Files.createTempDirectory(spoolRoot, "association-");
            Path associationSpool = spool;
            AssociationInfo info = new AssociationInfo(new AeTitle(calling), config.aeTitle(),
                    socket.getInetAddress().getHostAddress());
            tapped = new TappedSocket(socket, request, this);
            new StorageSOPClassSCP(tapped, config.aeTitle().value(),
                    MAX_PDU_RECEIVED, 0, 0, spool.toFile(), StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER,
                    new HeaderIngest(this, info, config.store()), null,
                    () -> new FindResponses(this, info, config.find()),
                    () -> new RetrieveResponses(this, info, config, associationSpool),
                    destinations(), new AnyExplicitStoreFindMoveGetPresentationContextSelectionPolicy()).run();
        } catch (IOException | com.pixelmed.network.DicomNetworkException | com.pixelmed.dicom.DicomException e) {
            LOG.log(Level.FINE, "association ended: {0}", e.toString());
        } finally {
            Thread.interrupted();
            deleteQuietly(spool);
        }
    }

    private Optional<AssociationRejectReason> refusal(String called, String calling) {
        if (!config.aeTitle().value().equals(called)) {
            return Optional.of(AssociationRejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);
        }
        boolean known = config.callingAeTitles().stream().anyMatch(ae -> ae.value().equals(calling));
        return known ? Optional.empty() : Optional.of(AssociationRejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED);
    }

    private static void reject(OutputStream out, AssociationRejectReason reason, String calling) throws IOException {
        LOG.log(Level.INFO, "association from calling AE ''{0}'' rejected: {1}", new Object[] {calling, reason});
        out.write(UpperLayer.associateReject(reason.result(), reason.source(), reason.reason()));
        out.flush();
    }

    private static byte[] readAssociateRequest(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[UpperLayer.PDU_HEADER_LENGTH];
        data.readFully(header);
        long length = UpperLayer.pduLength(header);
        if ((header[0] & 0xFF) != UpperLayer.A_ASSOCIATE_RQ || length > MAX_ASSOCIATE_RQ || length < 68) {
            LOG.fine("connection closed: first PDU is not an A-ASSOCIATE-RQ");
            return null;
        }
        byte[] request = new byte[UpperLayer.PDU_HEADER_LENGTH + (int) length];
        System.arraycopy(header, 0, request, 0, header.length);
        data.readFully(request, header.length, (int) length);
        return request;
    }

    private ApplicationEntityMap destinations() {
        ApplicationEntityMap map = new ApplicationEntityMap();
        for (RemoteAe ae : config.moveDestinations().values()) {
            map.put(ae.aeTitle().value(), new PresentationAddress(ae.host(), ae.port()), null, null);
        }
        return map;
    }

    /** Sets the status the next C-STORE-RSP carries instead of PixelMed's 0000. */
    void storeStatus(int status) {
        this.storeStatus = status;
    }

    /** @return the status decided for the C-STORE-RSP being sent, -1 for none; clears it */
    int takeStoreStatus() {
        int status = storeStatus;
        storeStatus = -1;
        return status;
    }

    void moveDestination(String aeTitle) {
        this.moveDestination = aeTitle;
    }

    /** @return the Move Destination of the C-MOVE-RQ being served, null when none */
    String moveDestination() {
        return moveDestination;
    }

    /** A C-FIND, C-GET or C-MOVE request with this Message ID arrived: its state starts afresh. */
    void requestStarted(int messageId) {
        requestMessageId = messageId;
        cancelled = false;
        subOperations = -1;
        unavailable = 0;
    }

    /** A C-CANCEL-RQ arrived; it counts when it names the request being served (PS3.7 §9.3.2.3). */
    void cancel(int messageIdBeingRespondedTo) {
        if (messageIdBeingRespondedTo == requestMessageId) {
            cancelled = true;
        }
    }

    /** @return whether the request being served was cancelled, after taking in what the peer has sent */
    boolean cancelRequested() {
        try {
            tapped.poll();
        } catch (IOException e) {
            // The association is failing; PixelMed's next read reports it.
            LOG.log(Level.FINE, "polling for C-CANCEL", e);
        }
        return cancelled;
    }

    /** @return whether a C-CANCEL-RQ for the request being served arrived (no polling) */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * The retrieve being served will run this many C-STORE sub-operations.
     *
     * @param count       instances handed to PixelMed
     * @param notSendable instances left out because they could not be had (counted as failed)
     */
    void subOperations(int count, int notSendable) {
        subOperations = count;
        unavailable = notSendable;
    }

    /**
     * @param pixelMed the final response PixelMed is sending
     * @return the response PS3.4 requires, empty when the request ran no sub-operations (a refusal)
     */
    Optional<FinalRetrieveResponse> finalRetrieveResponse(FinalRetrieveResponse pixelMed) {
        if (subOperations < 0) {
            return Optional.empty();
        }
        return Optional.of(FinalRetrieveResponse.of(pixelMed, subOperations, cancelled, unavailable));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "spool folder not deleted: " + dir, e);
        }
    }
}
