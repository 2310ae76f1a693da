/**
 * Consent client: the {@link org.imagingexchange.consent.client.ConsentDecisionPoint} port with its
 * value types, and its one adapter {@link org.imagingexchange.consent.client.RestConsentDecisionPoint}
 * (MP REST Client toward the consent service, failing closed).
 */
package org.imagingexchange.consent.client;
