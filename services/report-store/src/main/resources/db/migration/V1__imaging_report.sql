-- Imaging reports (eHN data set A) as stored FHIR R4 DiagnosticReport JSON plus the columns searched on.
CREATE TABLE imaging_report (
    id                      VARCHAR(64)  PRIMARY KEY,
    version_id              INTEGER      NOT NULL,
    status                  VARCHAR(32)  NOT NULL,
    patient_id              VARCHAR(128) NOT NULL,
    patient_id_system       VARCHAR(256) NOT NULL DEFAULT '',
    issued                  TIMESTAMP WITH TIME ZONE,
    author_organization_id  VARCHAR(128) NOT NULL DEFAULT '',
    created_by              VARCHAR(256) NOT NULL,
    last_updated            TIMESTAMP WITH TIME ZONE NOT NULL,
    resource_json           TEXT         NOT NULL
);
CREATE INDEX imaging_report_patient ON imaging_report (patient_id, patient_id_system);

-- A.1.8.10 Study Instance UIDs a report is about (one report may cover several studies).
CREATE TABLE imaging_report_study (
    report_id           VARCHAR(64) NOT NULL REFERENCES imaging_report (id),
    study_instance_uid  VARCHAR(64) NOT NULL,
    PRIMARY KEY (report_id, study_instance_uid)
);
CREATE INDEX imaging_report_study_uid ON imaging_report_study (study_instance_uid);

-- A.1.8.11 accession numbers of the orders the report answers.
CREATE TABLE imaging_report_accession (
    report_id         VARCHAR(64) NOT NULL REFERENCES imaging_report (id),
    accession_number  VARCHAR(64) NOT NULL,
    PRIMARY KEY (report_id, accession_number)
);
