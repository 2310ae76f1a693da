package org.imagingexchange.gateway.domain;

/**
 * What the gateway knows about the connection a request came in on, for the forwarding headers of
 * RFC 7239 ({@code Forwarded}) and their de-facto {@code X-Forwarded-*} forms.
 *
 * @param remoteAddress the peer's IP address (IPv4 or IPv6 literal, without brackets)
 * @param scheme        {@code http} or {@code https} as the gateway received it
 * @param host          the {@code Host} header the client sent (host[:port]); may be empty
 */
public record ClientConnection(String remoteAddress, String scheme, String host) {
}
