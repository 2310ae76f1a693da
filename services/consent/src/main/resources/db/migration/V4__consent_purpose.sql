-- Consent.provision.purpose (IHE PCF basic consent: permit/deny by purpose of use): the HL7 v3 PurposeOfUse codes
-- the directive is limited to, space-separated and sorted; NULL = any purpose.
ALTER TABLE consent_directive ADD COLUMN purposes VARCHAR(256);
