-- Consent.organization: the organisation whose consent manager recorded the directive; the directive
-- governs only the data that organisation holds. NULL = recorded by the patient for all data.
ALTER TABLE consent_directive ADD COLUMN custodian_organization_id VARCHAR(128);
