package org.imagingexchange.reports.domain;

import java.util.List;
import java.util.Optional;

/**
 * Port: durable storage of imaging reports. Implementations are transactional per call and thread-safe.
 */
public interface ReportRepository {

    /**
     * Stores a new report (version 1) with its search index (patient, Study Instance UIDs, accessions).
     *
     * @param report the report; its id is new
     */
    void insert(StoredReport report);

    /**
     * @param id report id
     * @return the current version, empty when unknown
     */
    Optional<StoredReport> find(String id);

    /**
     * Finds candidate reports, newest first, BEFORE consent filtering.
     *
     * @param criteria what to match
     * @param limit    at most this many (the caller filters, counts and pages afterwards)
     * @return matching reports; never null
     */
    List<StoredReport> search(ReportCriteria criteria, int limit);
}
