-- H2 (embedded default of the local run) search indexes; H2 uses plain indexes for LIKE 'abc%'.
CREATE INDEX imaging_study_recent ON imaging_study (study_date DESC NULLS LAST, study_instance_uid);
CREATE INDEX imaging_study_patient_id ON imaging_study (patient_id);
CREATE INDEX imaging_study_name_alphabetic ON imaging_study (patient_name_alphabetic);
CREATE INDEX imaging_study_name_ideographic ON imaging_study (patient_name_ideographic);
CREATE INDEX imaging_study_name_phonetic ON imaging_study (patient_name_phonetic);
CREATE INDEX person_name_component_pattern ON person_name_component (component, study_instance_uid);
CREATE INDEX study_modality_recent ON study_modality (modality, study_date DESC NULLS LAST, study_instance_uid);
