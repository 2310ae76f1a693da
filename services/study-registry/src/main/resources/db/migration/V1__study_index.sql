-- Study registry index: eHN imaging study manifest (data set B) learnt from source archives.
-- Plain SQL for PostgreSQL and H2 in PostgreSQL mode. Texts are UTF-8 (DICOM PN groups included).

-- Source archives and their WADO-RS endpoint (eHN B.1.4.6; MADO Endpoint).
CREATE TABLE source_endpoint (
    source_id         VARCHAR(64)   PRIMARY KEY,
    wado_rs_url       VARCHAR(1024) NOT NULL,
    organization_id   VARCHAR(128)  NOT NULL,
    ae_title          VARCHAR(16)   NOT NULL DEFAULT '',
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Study level (eHN B.1.1-B.1.3); multi-valued CS attributes joined with '\' as in DICOM.
CREATE TABLE imaging_study (
    study_instance_uid        VARCHAR(64)   PRIMARY KEY,
    patient_id                VARCHAR(64)   NOT NULL DEFAULT '',
    issuer_of_patient_id      VARCHAR(64)   NOT NULL DEFAULT '',
    patient_name              VARCHAR(1024),
    patient_birth_date        DATE,
    patient_sex               VARCHAR(16),
    study_date                DATE,
    study_time                VARCHAR(32),
    accession_number          VARCHAR(64),
    study_id                  VARCHAR(64),
    study_description         VARCHAR(1024),
    referring_physician_name  VARCHAR(1024),
    modalities_in_study       VARCHAR(512)  NOT NULL DEFAULT '',
    body_parts_examined       VARCHAR(1024) NOT NULL DEFAULT '',
    number_of_series          INTEGER       NOT NULL,
    number_of_instances       INTEGER       NOT NULL,
    custodian_organization_id VARCHAR(128)  NOT NULL,
    source_id                 VARCHAR(64)   NOT NULL REFERENCES source_endpoint (source_id),
    indexed_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX imaging_study_patient ON imaging_study (patient_id, issuer_of_patient_id);
CREATE INDEX imaging_study_date ON imaging_study (study_date);
CREATE INDEX imaging_study_source ON imaging_study (source_id);

-- Series level (eHN B.1.4).
CREATE TABLE imaging_series (
    series_instance_uid   VARCHAR(64)  PRIMARY KEY,
    study_instance_uid    VARCHAR(64)  NOT NULL REFERENCES imaging_study (study_instance_uid),
    modality              VARCHAR(16),
    series_number         INTEGER,
    series_description    VARCHAR(1024),
    body_part_examined    VARCHAR(64),
    number_of_instances   INTEGER      NOT NULL
);
CREATE INDEX imaging_series_study ON imaging_series (study_instance_uid);

-- Instance level (eHN B.1.4.7).
CREATE TABLE imaging_instance (
    sop_instance_uid      VARCHAR(64)  PRIMARY KEY,
    series_instance_uid   VARCHAR(64)  NOT NULL REFERENCES imaging_series (series_instance_uid),
    study_instance_uid    VARCHAR(64)  NOT NULL,
    sop_class_uid         VARCHAR(64),
    instance_number       INTEGER,
    number_of_frames      INTEGER
);
CREATE INDEX imaging_instance_series ON imaging_instance (series_instance_uid);
CREATE INDEX imaging_instance_study ON imaging_instance (study_instance_uid);

-- Last crawl per source.
CREATE TABLE crawl_run (
    source_id     VARCHAR(64)   PRIMARY KEY,
    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    succeeded     BOOLEAN       NOT NULL,
    studies       INTEGER       NOT NULL,
    series        INTEGER       NOT NULL,
    instances     INTEGER       NOT NULL,
    duration_ms   BIGINT        NOT NULL,
    detail        VARCHAR(2048) NOT NULL DEFAULT ''
);
