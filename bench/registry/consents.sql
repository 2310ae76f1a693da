-- Consent directives of the benchmark: every identifier (value, issuer) of every patient with
-- patient_key % 100 = 0 (1% of patients) permits hospital-b. Rows: patient id, issuer, organisation.
SELECT id_value, issuer, 'hospital-b' FROM patient_identifier WHERE patient_key % 100 = 0 ORDER BY patient_key, issuer;
