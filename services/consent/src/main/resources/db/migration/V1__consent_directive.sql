-- Patients' consent directives (FHIR Consent), one row per directive version in force.
CREATE TABLE consent_directive (
    id                 VARCHAR(64)  PRIMARY KEY,
    patient_id         VARCHAR(64)  NOT NULL,
    patient_id_issuer  VARCHAR(128) NOT NULL DEFAULT '',
    provision          VARCHAR(8)   NOT NULL,
    organization_id    VARCHAR(128),
    country            VARCHAR(2),
    data_class         VARCHAR(32),
    status             VARCHAR(16)  NOT NULL,
    period_start       TIMESTAMP WITH TIME ZONE,
    period_end         TIMESTAMP WITH TIME ZONE,
    recorded_by        VARCHAR(128) NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    resource_json      TEXT         NOT NULL
);
CREATE INDEX consent_directive_patient ON consent_directive (patient_id, patient_id_issuer);
