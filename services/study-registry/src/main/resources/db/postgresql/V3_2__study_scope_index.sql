-- The result-order index also carries what the consent pre-filter tests (custodian, Patient ID), so an
-- unfiltered page for another organisation is an index-only scan instead of a heap read per skipped row.
DROP INDEX imaging_study_recent;
CREATE INDEX imaging_study_recent ON imaging_study (study_date DESC NULLS LAST, study_instance_uid)
    INCLUDE (custodian_organization_id, patient_id);
