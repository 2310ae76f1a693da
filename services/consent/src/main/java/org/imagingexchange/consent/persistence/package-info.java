/** Persistence layer of the consent service: JPA entities, the repository behind the domain port, schema start-up. */
package org.imagingexchange.consent.persistence;
