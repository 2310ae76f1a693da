-- Append-only audit trail (IHE BALP records). Rows are only ever inserted; each carries
-- hash = SHA-256(previous hash || canonical JSON of the record), chained in sequence order.

-- The single chain head: appends lock this row (SELECT ... FOR UPDATE) so the chain never forks.
CREATE TABLE audit_chain_head (
    id             INTEGER     PRIMARY KEY,
    last_sequence  BIGINT      NOT NULL,
    last_hash      VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_event (
    sequence               BIGINT        PRIMARY KEY,
    event_id               VARCHAR(64)   NOT NULL,
    recorded               TIMESTAMP WITH TIME ZONE NOT NULL,
    pattern                VARCHAR(32)   NOT NULL,
    action                 VARCHAR(1)    NOT NULL,
    outcome                VARCHAR(2)    NOT NULL,
    outcome_detail         VARCHAR(1024) NOT NULL,
    source                 VARCHAR(128)  NOT NULL,
    correlation_id         VARCHAR(64)   NOT NULL,
    agent_user_id          VARCHAR(256)  NOT NULL,
    agent_username         VARCHAR(256)  NOT NULL,
    agent_client_id        VARCHAR(256)  NOT NULL,
    agent_organization_id  VARCHAR(256)  NOT NULL,
    agent_country          VARCHAR(8)    NOT NULL,
    purpose_of_use         VARCHAR(64)   NOT NULL,
    ingested_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    hash                   VARCHAR(64)   NOT NULL,
    CONSTRAINT audit_event_event_id_unique UNIQUE (event_id)
);
CREATE INDEX audit_event_recorded ON audit_event (recorded);
CREATE INDEX audit_event_agent_user_id ON audit_event (agent_user_id);
CREATE INDEX audit_event_agent_username ON audit_event (agent_username);
CREATE INDEX audit_event_agent_client_id ON audit_event (agent_client_id);
CREATE INDEX audit_event_agent_organization_id ON audit_event (agent_organization_id);

-- Patients whose data the access touched (AuditEvent.entity role 1 Patient), in record order.
CREATE TABLE audit_event_patient (
    event_sequence     BIGINT       NOT NULL REFERENCES audit_event (sequence),
    item_index         INTEGER      NOT NULL,
    patient_id         VARCHAR(128) NOT NULL,
    patient_id_issuer  VARCHAR(256) NOT NULL,
    PRIMARY KEY (event_sequence, item_index)
);
CREATE INDEX audit_event_patient_id ON audit_event_patient (patient_id);

-- Objects the access touched (studies, reports, consents, the query itself), in record order.
-- identifier_key repeats identifiers of at most 200 characters for the index (query strings can be long).
CREATE TABLE audit_event_entity (
    event_sequence  BIGINT         NOT NULL REFERENCES audit_event (sequence),
    item_index      INTEGER        NOT NULL,
    entity_type     VARCHAR(64)    NOT NULL,
    identifier      VARCHAR(16000) NOT NULL,
    identifier_key  VARCHAR(200),
    description     VARCHAR(1024)  NOT NULL,
    PRIMARY KEY (event_sequence, item_index)
);
CREATE INDEX audit_event_entity_identifier_key ON audit_event_entity (identifier_key);
