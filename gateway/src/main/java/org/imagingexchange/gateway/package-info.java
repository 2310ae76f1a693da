/**
 * Gateway: the one public entry of Imaging Exchange. Verifies the caller's OAuth 2.0 bearer token
 * (RFC 6750; IHE IUA), checks the route's role, and streams requests and responses to the service
 * that owns the path (DICOMweb PS3.18 and FHIR R4 REST), answering its own errors as RFC 9457 problems.
 */
package org.imagingexchange.gateway;
