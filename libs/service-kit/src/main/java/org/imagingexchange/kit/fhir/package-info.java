/**
 * FHIR URL rules shared by the services that serve FHIR R4: the platform's public base, from which every
 * absolute URL in a FHIR body or {@code Location} header is built (never from the service's own address).
 */
package org.imagingexchange.kit.fhir;
