-- PostgreSQL search indexes of the registry: result order (newest study first, undated last) and
-- prefix matching (LIKE 'abc%') with text_pattern_ops, which works whatever the database collation.
CREATE INDEX imaging_study_recent ON imaging_study (study_date DESC NULLS LAST, study_instance_uid);
CREATE INDEX imaging_study_patient_id ON imaging_study (patient_id text_pattern_ops);
CREATE INDEX imaging_study_name_alphabetic ON imaging_study (patient_name_alphabetic text_pattern_ops);
CREATE INDEX imaging_study_name_ideographic ON imaging_study (patient_name_ideographic text_pattern_ops);
CREATE INDEX imaging_study_name_phonetic ON imaging_study (patient_name_phonetic text_pattern_ops);
CREATE INDEX patient_identifier_pattern ON patient_identifier (id_value text_pattern_ops);
CREATE INDEX person_name_component_pattern ON person_name_component (component text_pattern_ops, study_instance_uid);
CREATE INDEX study_modality_recent ON study_modality (modality, study_date DESC NULLS LAST, study_instance_uid);
