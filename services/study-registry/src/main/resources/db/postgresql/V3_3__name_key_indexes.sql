-- The patient-name indexes also carry what a name search scopes and orders by (Study Instance UID, date,
-- custodian, Patient ID): a name prefix shared by thousands of studies is matched, consent-scoped and
-- ordered from the indexes alone, and only the page's rows are read from the table (StudySearchSql
-- keysThenRows).
DROP INDEX imaging_study_name_alphabetic;
DROP INDEX imaging_study_name_ideographic;
DROP INDEX imaging_study_name_phonetic;
CREATE INDEX imaging_study_name_alphabetic ON imaging_study (patient_name_alphabetic text_pattern_ops)
    INCLUDE (study_instance_uid, study_date, custodian_organization_id, patient_id);
CREATE INDEX imaging_study_name_ideographic ON imaging_study (patient_name_ideographic text_pattern_ops)
    INCLUDE (study_instance_uid, study_date, custodian_organization_id, patient_id);
CREATE INDEX imaging_study_name_phonetic ON imaging_study (patient_name_phonetic text_pattern_ops)
    INCLUDE (study_instance_uid, study_date, custodian_organization_id, patient_id);
