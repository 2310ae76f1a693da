-- The query mix of the registry benchmark as tab-separated rows: kind, requester, expectation, path.
-- Requesters: custodian (radiologist-a of hospital-a, studies hospital-a holds), consented and unconsented
-- (clinician-b of hospital-b, about studies of hospital-a whose patient did / did not consent for
-- hospital-b; consented patients are those with patient_key % 100 = 0, see consents.sql). :per samples
-- per kind and requester, chosen by an md5 of :seed, so the mix is the same for the same data and seed.
--   psql -At -F '	' -v per=40 -v seed=1 -f queries.sql
\set ON_ERROR_STOP on
WITH base AS (
  SELECT 'custodian' AS requester, s.* FROM imaging_study s
  WHERE custodian_organization_id = 'hospital-a' AND study_date IS NOT NULL
  ORDER BY md5(:'seed' || 'c' || study_instance_uid) LIMIT :per
), consented AS (
  SELECT 'consented' AS requester, s.* FROM imaging_study s
  WHERE custodian_organization_id = 'hospital-a' AND patient_key % 100 = 0 AND study_date IS NOT NULL
  ORDER BY md5(:'seed' || 'y' || study_instance_uid) LIMIT :per
), unconsented AS (
  SELECT 'unconsented' AS requester, s.* FROM imaging_study s
  WHERE custodian_organization_id = 'hospital-a' AND patient_key % 100 <> 0 AND study_date IS NOT NULL
  ORDER BY md5(:'seed' || 'n' || study_instance_uid) LIMIT :per
), sample AS (
  SELECT *, split_part(split_part(patient_name, '=', 1), '^', 1) AS family,
         split_part(split_part(patient_name, '=', 1), '^', 2) AS given,
         CASE requester WHEN 'unconsented' THEN 'none' ELSE 'some' END AS key_expect,
         CASE requester WHEN 'unconsented' THEN 'any' ELSE 'some' END AS list_expect
  FROM (SELECT * FROM base UNION ALL SELECT * FROM consented UNION ALL SELECT * FROM unconsented) x
), mix AS (
  SELECT 1 AS o, 'patient id' AS kind, requester, key_expect AS expect,
         '/dicomweb/studies?PatientID=' || patient_id || '&limit=25' AS path FROM sample
  UNION ALL SELECT 2, 'name prefix', requester, list_expect,
         '/dicomweb/studies?PatientName=' || left(family, 4) || '*&limit=25' FROM sample
  UNION ALL SELECT 3, 'fuzzy name', requester, list_expect,
         '/dicomweb/studies?PatientName=' || left(given, 3) || ' ' || left(family, 4) || '&fuzzymatching=true&limit=25'
         FROM sample WHERE given <> ''
  UNION ALL SELECT 4, 'date range + modality', requester, list_expect,
         '/dicomweb/studies?StudyDate=' || to_char(study_date - 3, 'YYYYMMDD') || '-' || to_char(study_date + 3, 'YYYYMMDD')
         || '&ModalitiesInStudy=' || split_part(modalities_in_study, '\', 1) || '&limit=25' FROM sample
  UNION ALL SELECT 5, 'accession', requester, key_expect,
         '/dicomweb/studies?AccessionNumber=' || accession_number FROM sample
  UNION ALL SELECT 6, 'study UID', requester, key_expect,
         '/dicomweb/studies?StudyInstanceUID=' || study_instance_uid FROM sample
  UNION ALL SELECT 7, 'series of a study', requester, key_expect,
         '/dicomweb/studies/' || study_instance_uid || '/series' FROM sample
  UNION ALL SELECT 8, 'instances of a series', requester, key_expect,
         '/dicomweb/studies/' || study_instance_uid || '/series/'
         || (SELECT min(x.series_instance_uid) FROM imaging_series x WHERE x.study_instance_uid = sample.study_instance_uid)
         || '/instances' FROM sample
  UNION ALL SELECT 9, 'unfiltered first page', requester, 'some', '/dicomweb/studies?limit=25'
         FROM sample WHERE requester <> 'unconsented'
)
SELECT kind, requester, expect, path FROM mix ORDER BY o, requester, path;
