/**
 * Domain layer of the gateway: the route table, the header and Location rules of a forwarding proxy
 * (RFC 9110 §7.6, RFC 7239), CORS policy, and the typed problems the gateway answers. No servlet,
 * JAX-RS or HTTP client types.
 */
package org.imagingexchange.gateway.domain;
