package org.imagingexchange.dicom.net;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.imagingexchange.dicom.AeTitle;

/**
 * A peer Application Entity and its presentation address (PS3.8 §7.1.1: AE title, host, TCP port).
 *
 * @param aeTitle the peer's AE title (the called AE title when we connect to it)
 * @param host    host name or IP address, not null
 * @param port    TCP port, 1-65535
 */
public record RemoteAe(AeTitle aeTitle, String host, int port) {

    /**
     * Scheme of the address form {@code dicom://AE_TITLE@host:port} ({@link #address()}): how the platform
     * writes a DIMSE endpoint where a URL is expected (a study's retrieval endpoint next to WADO-RS base URLs).
     */
    public static final String ADDRESS_SCHEME = "dicom";
    private static final String ADDRESS_PREFIX = ADDRESS_SCHEME + "://";

    /** @throws IllegalArgumentException when the port is out of range or the host is blank */
    public RemoteAe {
        Objects.requireNonNull(aeTitle, "aeTitle");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a remote AE needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a TCP port is 1-65535, got " + port);
        }
    }

    /**
     * @return this AE as {@code dicom://AE_TITLE@host:port}; the AE title percent-encoded (UTF-8, RFC 3986
     *         userinfo), an IPv6 host in brackets
     */
    public String address() {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return ADDRESS_PREFIX + URLEncoder.encode(aeTitle.value(), StandardCharsets.UTF_8).replace("+", "%20")
                + "@" + h + ":" + port;
    }

    /**
     * Reads the form written by {@link #address()}.
     *
     * @param address an endpoint address; may be null
     * @return the AE, empty when the address is not a {@code dicom://} address (e.g. a WADO-RS URL)
     * @throws IllegalArgumentException when it is a {@code dicom://} address without AE title, host or a
     *                                  valid port
     */
    public static Optional<RemoteAe> fromAddress(String address) {
        if (address == null || !address.regionMatches(true, 0, ADDRESS_PREFIX, 0, ADDRESS_PREFIX.length())) {
            return Optional.empty();
        }
        String rest = address.substring(ADDRESS_PREFIX.length());
        int at = rest.lastIndexOf('@');
        int colon = rest.lastIndexOf(':');
        if (at <= 0 || colon < at || rest.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a DIMSE address is dicom://AE_TITLE@host:port, got " + address);
        }
        String host = rest.substring(at + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return Optional.of(new RemoteAe(new AeTitle(URLDecoder.decode(rest.substring(0, at), StandardCharsets.UTF_8)),
                    host, Integer.parseInt(rest.substring(colon + 1))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of a DIMSE address is a number, got " + address, e);
        }
    }
}
