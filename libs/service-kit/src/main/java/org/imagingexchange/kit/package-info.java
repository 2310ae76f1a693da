/**
 * Service kit: the cross-cutting pieces every Imaging Exchange service shares (request context from
 * the verified bearer token, correlation id, RFC 9457 problem details, Prometheus metrics and the
 * client-credentials token used for service-to-service calls, the shared search-parameter rule, the
 * container error page and request guard every WAR gets from {@code META-INF/web-fragment.xml}).
 * Holds no imaging logic.
 */
package org.imagingexchange.kit;
