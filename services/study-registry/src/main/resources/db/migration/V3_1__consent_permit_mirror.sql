-- Mirror of the consent service's permit feed (GET /consent/api/permits): the active permit directives,
-- reduced to whom they could open a patient's studies to. Searches of other organisations read only
-- their own archive's studies and those of these patients (opt-in region); the consent service still
-- decides every study returned. Rebuilt from the feed at any time (delete the rows and the state).
CREATE TABLE consent_permit (
    consent_id                VARCHAR(64)  PRIMARY KEY,
    patient_id                VARCHAR(64)  NOT NULL,
    issuer                    VARCHAR(128) NOT NULL DEFAULT '',
    custodian_organization_id VARCHAR(128),
    organization_id           VARCHAR(128),
    country                   VARCHAR(2),
    data_class                VARCHAR(32),
    period_end                TIMESTAMP WITH TIME ZONE
);
CREATE INDEX consent_permit_patient ON consent_permit (patient_id);

-- How far the feed has been read, and the region's default policy it last stated.
CREATE TABLE consent_feed_state (
    feed           VARCHAR(16)  PRIMARY KEY,
    last_sequence  BIGINT       NOT NULL,
    region_policy  VARCHAR(16)  NOT NULL,
    synced_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
