package org.imagingexchange.dicom.pixelmed;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagingexchange.dicom.AssociationRejectReason;
import org.imagingexchange.dicom.net.AssociationRejectedException;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseTimeoutException;
import org.imagingexchange.dicom.net.DimseTransportException;
import org.imagingexchange.dicom.net.RemoteAe;

/**
 * The one place where PixelMed's SCU exceptions become port exceptions. PixelMed reports a failed
 * DIMSE status and an A-ASSOCIATE-RJ only in the message of a {@code DicomNetworkException}
 * ("... failure status 0xa900", "... rejected ... result N ... source N ... reason N"), so the
 * message is parsed here and nowhere else.
 */
final class PixelMedErrors {

    private static final Pattern STATUS = Pattern.compile("status 0x([0-9a-fA-F]{1,4})");
    private static final Pattern REJECT = Pattern.compile("(?i)reject");
    private static final Pattern NUMBERS = Pattern.compile(
            "(?is)result\\D{0,40}?(\\d+).*?source\\D{0,40}?(\\d+).*?reason\\D{0,40}?(\\d+)");

    private PixelMedErrors() {
    }

    /**
     * @param remote the peer, for the message
     * @param e      what PixelMed threw
     * @return the port exception: status failure, association rejection or transport failure
     */
    static DimseException map(RemoteAe remote, Exception e) {
        String message = String.valueOf(e.getMessage());
        String peer = remote.aeTitle() + "@" + remote.host() + ":" + remote.port();
        Matcher status = STATUS.matcher(message);
        if (status.find()) {
            return new DimseException(Integer.parseInt(status.group(1), 16), peer + " answered with failure", e);
        }
        if (REJECT.matcher(message).find()) {
            Matcher n = NUMBERS.matcher(message);
            AssociationRejectReason reason = n.find() ? AssociationRejectReason.of(Integer.parseInt(n.group(1)),
                    Integer.parseInt(n.group(2)), Integer.parseInt(n.group(3))).orElse(null) : null;
            return new AssociationRejectedException(reason, peer + " rejected the association: "
                    + message.toLowerCase(Locale.ROOT), e);
        }
        if (e instanceof IOException || message.toLowerCase(Locale.ROOT).contains("connect")) {
            return new DimseTransportException(peer + " unreachable or connection lost", e);
        }
        return new DimseTransportException(peer + " protocol failure: " + message, e);
    }

    /**
     * Like {@link #map(RemoteAe, Exception)}, but what the relay saw comes first: a connection it cut for
     * silence is a {@link DimseTimeoutException} and a failed connect an unreachable peer, whatever PixelMed
     * made of the closed loopback connection.
     *
     * @param remote the peer, for the message
     * @param relay  the relay the call went through
     * @param e      what PixelMed threw
     * @return the port exception
     */
    static DimseException map(RemoteAe remote, ReadDeadlineRelay relay, Exception e) {
        String peer = remote.aeTitle() + "@" + remote.host() + ":" + remote.port();
        if (relay.timedOut()) {
            return new DimseTimeoutException(peer + " sent nothing for " + relay.timeoutMillis()
                    + " ms (read timeout); association aborted", e);
        }
        if (relay.connectFailure() != null) {
            return new DimseTransportException(peer + " unreachable: " + relay.connectFailure().getMessage(),
                    relay.connectFailure());
        }
        return map(remote, e);
    }

    /**
     * The failure status code carried in a PixelMed message, if any.
     *
     * @param e what PixelMed threw
     * @return the 16-bit status, -1 when the message has none
     */
    static int statusOf(Exception e) {
        Matcher status = STATUS.matcher(String.valueOf(e.getMessage()));
        return status.find() ? Integer.parseInt(status.group(1), 16) : -1;
    }
}
