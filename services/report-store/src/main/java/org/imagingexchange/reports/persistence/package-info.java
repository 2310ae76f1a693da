/** Persistence layer of the report store: JPA entities and the repository implementing the domain's storage port. */
package org.imagingexchange.reports.persistence;
