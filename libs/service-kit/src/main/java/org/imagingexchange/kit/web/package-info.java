/**
 * Servlet-level protection shared by every WAR through the kit's {@code META-INF/web-fragment.xml}: the
 * container's own error pages replaced by problem+json, and requests the runtime would fail on (malformed
 * {@code Accept}, oversized URI or header fields) refused before any resource runs.
 */
package org.imagingexchange.kit.web;
