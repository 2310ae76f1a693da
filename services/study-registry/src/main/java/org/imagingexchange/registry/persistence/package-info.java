/**
 * Persistence layer of the study registry: JPA entities of the index (Hibernate), the repositories
 * implementing the domain ports {@code StudyIndex} and {@code CrawlLog}, the Flyway start-up migration
 * and the index-size gauges.
 */
package org.imagingexchange.registry.persistence;
