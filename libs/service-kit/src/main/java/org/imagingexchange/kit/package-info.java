/**
 * Service kit: the cross-cutting pieces every Imaging Exchange service shares (request context from
 * the verified bearer token, correlation id, RFC 9457 problem details, Prometheus metrics and the
 * client-credentials token used for service-to-service calls). Holds no imaging logic.
 */
package org.imagingexchange.kit;
