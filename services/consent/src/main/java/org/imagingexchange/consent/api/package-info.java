/**
 * API layer of the consent service: the FHIR R4 {@code Consent} endpoint, the internal decision
 * endpoint, FHIR parsing/mapping and response filters.
 */
package org.imagingexchange.consent.api;
