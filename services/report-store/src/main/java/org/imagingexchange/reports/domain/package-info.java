/**
 * Domain layer of the report store: the eHN imaging-report data set (A) facts the platform keeps,
 * the eHN rule set that decides whether a submitted report is complete, consent filtering of reads
 * and searches, and the storage port. Imports no JAX-RS and no JPA.
 */
package org.imagingexchange.reports.domain;
