-- HL7 v2 messages whose report was stored: a resend (same organisation, MSH-4 sending facility and MSH-10
-- control id; HL7 v2.5.1 2.10.1) is acknowledged again without storing the report twice.
CREATE TABLE imaging_report_hl7v2_message (
    organization_id   VARCHAR(128) NOT NULL,
    sending_facility  VARCHAR(256) NOT NULL,
    control_id        VARCHAR(199) NOT NULL,
    report_id         VARCHAR(64)  NOT NULL REFERENCES imaging_report (id),
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, sending_facility, control_id)
);
