/**
 * Adapters toward the outside: bearer verification against the realm's JWKS (Nimbus JOSE+JWT) and the
 * JDK HTTP client that forwards requests to the services.
 */
package org.imagingexchange.gateway.integration;
