/**
 * Domain layer of the consent service: consent directives, the region's default policy, the pure
 * decision policy ({@link org.imagingexchange.consent.domain.ConsentPolicy}), the services that apply
 * them and the storage port. Imports no JAX-RS, JPA or FHIR library types.
 */
package org.imagingexchange.consent.domain;
