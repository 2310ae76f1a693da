-- Fills the registry schema (created by the registry's own Flyway migrations) with a synthetic region:
-- :studies studies, 10 instances per study on average (exactly :studies * 10), 0.3 patients per study,
-- six sources of five custodian organisations (hospital-b holds none: it is the "other organisation" of
-- the benchmark), each patient with a national id and a local MRN per issuer that holds studies of theirs.
-- Deterministic for a given :seed (every pseudo-random choice is an md5 of seed, salt and row number).
-- Names come from the pool written by BenchSetup (PersonNames folding and components, as a crawl would
-- store them). Set-based: generate_series, one statement per table.
--   psql -v studies=1000000 -v seed=1 -v pool_dir=/tmp/... -f generate.sql
\set ON_ERROR_STOP on
\timing on
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 1;

-- Pseudo-random non-negative int from (seed, salt, n).
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
CREATE FUNCTION bench.h(salt int, n bigint) RETURNS int LANGUAGE sql STABLE AS
$$ SELECT (('x' || substr(md5(current_setting('bench.seed') || ':' || salt || ':' || n), 1, 8))::bit(32)::int) & 2147483647 $$;
SELECT set_config('bench.seed', :'seed', false);

-- Empty index first (the generator may be run again on the same database).
TRUNCATE imaging_instance, imaging_series, study_modality, person_name_component, study_source, imaging_study,
    patient_identifier, patient, crawl_state, crawl_run, source_archive CASCADE;

-- Secondary indexes are dropped for the load and recreated from their own definitions afterwards.
CREATE TEMP TABLE bench_index_def AS
SELECT indexname, indexdef FROM pg_indexes i
WHERE schemaname = current_schema() AND tablename IN ('imaging_study', 'imaging_series', 'imaging_instance',
        'study_modality', 'person_name_component', 'study_source', 'patient_identifier')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM bench_index_def LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;
-- No foreign-key triggers during the load (the rows are consistent by construction).
SET session_replication_role = replica;

-- Name pools (BenchSetup).
CREATE TEMP TABLE bench_name (idx int PRIMARY KEY, pn text, alphabetic text, ideographic text, phonetic text);
CREATE TEMP TABLE bench_name_component (idx int, component text);
CREATE TEMP TABLE bench_physician (idx int PRIMARY KEY, pn text, alphabetic text, ideographic text, phonetic text);
\set names_file :pool_dir '/patient_names.tsv'
\set components_file :pool_dir '/patient_name_components.tsv'
\set physicians_file :pool_dir '/physician_names.tsv'
COPY bench_name FROM :'names_file';
COPY bench_name_component FROM :'components_file';
COPY bench_physician FROM :'physicians_file';
CREATE INDEX ON bench_name_component (idx);
ANALYZE bench_name; ANALYZE bench_name_component; ANALYZE bench_physician;

-- Sources: id, custodian, issuer of its Patient IDs, UID root, accession prefix, share of studies (percent).
CREATE TEMP TABLE bench_source (n int PRIMARY KEY, source_id text, org text, issuer text, uid_root text,
    acc_prefix text, institution text, upto int);
INSERT INTO bench_source VALUES
 (0, 'pacs-a1',    'hospital-a',        'HOSPITAL-A',  '1.2.826.0.1.3680043.10.543.1', 'HA',  'Hospital A Main', 25),
 (1, 'pacs-a2',    'hospital-a',        'HOSPITAL-A',  '1.3.6.1.4.1.5962.99.7',        'HAX', 'Hospital A Annex', 35),
 (2, 'pacs-c',     'hospital-c',        'HOSPITAL-C',  '2.25',                         'C',   'Hôpital C', 55),
 (3, 'pacs-d',     'hospital-d',        'HOSPITAL-D',  '1.2.40.0.13.1.1.99',           'D',   'Klinikum D', 75),
 (4, 'pacs-e',     'imaging-center-e',  'IMAGING-E',   '1.2.392.200036.9116.2.6.1.48', 'E',   'Imaging Centre E', 90),
 (5, 'modality-f', 'clinic-f',          'NATIONAL-ID', '1.2.276.0.7230010.3.1.4.77',   'F',   'Clinic F', 100);
INSERT INTO source_archive (source_id, wado_rs_url, organization_id, ae_title, default_issuer, updated_at)
SELECT source_id, 'http://127.0.0.1:9/' || source_id || '/dicom-web', org, upper(replace(source_id, '-', '_')),
       issuer, timestamptz '2026-12-01 00:00:00+00' FROM bench_source;

-- Modalities: code, cumulative percent, SOP Class UID, body parts, descriptions.
CREATE TEMP TABLE bench_modality (n int PRIMARY KEY, modality text, upto int, sop_class text, body_part text[],
    description text[]);
INSERT INTO bench_modality VALUES
 (0, 'CT', 25, '1.2.840.10008.5.1.4.1.1.2',     '{HEAD,CHEST,ABDOMEN,PELVIS,SPINE}', '{CT Kopf nativ,CT Thorax,CT Abdomen mit KM,CT angiographie,Scanner thoracique}'),
 (1, 'MR', 45, '1.2.840.10008.5.1.4.1.1.4',     '{HEAD,KNEE,SPINE,SHOULDER,BRAIN}',  '{MRT Schädel,IRM genou,MR lumbale wervelkolom,RM spalla,MRI brain}'),
 (2, 'CR', 60, '1.2.840.10008.5.1.4.1.1.1',     '{CHEST,HAND,FOOT,KNEE}',            '{Thorax p.a.,Röntgen Hand,Radiographie pied,Knie 2 Ebenen}'),
 (3, 'DX', 70, '1.2.840.10008.5.1.4.1.1.1.1',   '{CHEST,PELVIS,SPINE}',              '{Thorax liegend,Bassin face,Wirbelsäule}'),
 (4, 'US', 80, '1.2.840.10008.5.1.4.1.1.6.1',   '{ABDOMEN,THYROID,BREAST}',          '{Echographie abdominale,Sonographie Schilddrüse,Echo mamma}'),
 (5, 'MG', 88, '1.2.840.10008.5.1.4.1.1.1.2',   '{BREAST}',                          '{Mammographie bilatérale,Screening mammografie}'),
 (6, 'PT', 92, '1.2.840.10008.5.1.4.1.1.128',   '{WHOLEBODY}',                       '{PET-CT FDG Ganzkörper,TEP-TDM corps entier}'),
 (7, 'NM', 95, '1.2.840.10008.5.1.4.1.1.20',    '{BONE,THYROID}',                    '{Skelettszintigraphie,Scintigraphie thyroïdienne}'),
 (8, 'XA', 100, '1.2.840.10008.5.1.4.1.1.12.1', '{HEART,LEG}',                       '{Koronarangiographie,Angiographie membre inférieur}');

-- Instances and series per study by i mod 10 (exactly 10 instances per study on average, 2.8 series).
CREATE TEMP TABLE bench_shape (k int PRIMARY KEY, instances int, series int);
INSERT INTO bench_shape VALUES (0, 1, 1), (1, 2, 1), (2, 4, 2), (3, 6, 2), (4, 8, 3), (5, 10, 3), (6, 12, 3),
    (7, 14, 4), (8, 18, 4), (9, 25, 5);

SELECT (:studies * 3 / 10)::bigint AS patients \gset
SELECT count(*) AS name_pool FROM bench_name \gset

-- One row per study with every choice made once (UIDs, patient, source, modality, date, shape).
CREATE UNLOGGED TABLE bench.study_choice AS
SELECT i, p, src.n AS src, src.source_id, src.org, src.issuer, src.acc_prefix, src.institution, m.n AS mod,
       m.modality, m.sop_class, m.body_part[1 + bench.h(11, i) % cardinality(m.body_part)] AS body_part,
       m.description[1 + bench.h(12, i) % cardinality(m.description)] AS description,
       sh.instances, sh.series,
       CASE WHEN bench.h(6, i) % 100 = 0 THEN NULL ELSE date '2005-01-01' + bench.h(7, i) % 7990 END AS study_date,
       CASE WHEN src.uid_root = '2.25'
            THEN '2.25.' || (1 + bench.h(8, i))::text || lpad(bench.h(9, i)::text, 10, '0') || i::text
            ELSE src.uid_root || '.' || (1 + bench.h(8, i) % 999999)::text || '.' || i::text END AS uid
FROM generate_series(1, :studies) AS i
CROSS JOIN LATERAL (SELECT 1 + bench.h(1, i) % :patients AS p, bench.h(2, i) % 100 AS src_pick, bench.h(3, i) % 100 AS mod_pick) r
JOIN bench_source src ON src.n = (SELECT min(n) FROM bench_source WHERE r.src_pick < upto)
JOIN bench_modality m ON m.n = (SELECT min(n) FROM bench_modality WHERE r.mod_pick < upto)
JOIN bench_shape sh ON sh.k = i % 10;
CREATE UNIQUE INDEX ON bench.study_choice (i);
ANALYZE bench.study_choice;

-- Patients: keys 1..patients, as PatientLinks would have created them.
INSERT INTO patient (patient_key, created_at)
SELECT p, timestamptz '2026-12-01 00:00:00+00' FROM generate_series(1, :patients) p;
SELECT setval(pg_get_serial_sequence('patient', 'patient_key'), :patients);

-- The Patient ID a source sends: an MRN of its issuer, or the national id (modality-f).
CREATE FUNCTION bench.patient_id(issuer text, p bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE issuer
    WHEN 'NATIONAL-ID' THEN lpad(((p * 48271 + 12345) % 1000000000)::text, 9, '0')
    WHEN 'HOSPITAL-A' THEN 'HA' || lpad(p::text, 8, '0')
    WHEN 'HOSPITAL-C' THEN 'C-' || ((p * 7919) % 100000000)::text
    WHEN 'HOSPITAL-D' THEN lpad(((p * 104729 + 7) % 100000000)::text, 8, '0') || 'D'
    ELSE 'E' || to_hex(p * 2654435761 % 4294967296) END $$;

-- Identifiers: every patient's national id, plus the MRN of each issuer holding a study of theirs.
INSERT INTO patient_identifier (id_value, issuer, patient_key)
SELECT bench.patient_id('NATIONAL-ID', p), 'NATIONAL-ID', p FROM generate_series(1, :patients) p;
INSERT INTO patient_identifier (id_value, issuer, patient_key)
SELECT DISTINCT bench.patient_id(issuer, p), issuer, p FROM bench.study_choice WHERE issuer <> 'NATIONAL-ID';

-- Study level.
INSERT INTO imaging_study (study_instance_uid, patient_key, patient_id, issuer_of_patient_id, patient_name,
    patient_name_alphabetic, patient_name_ideographic, patient_name_phonetic, patient_birth_date, patient_sex,
    study_date, study_time, accession_number, accession_number_issuer, placer_order_number,
    requested_procedure_code, study_id, study_description, referring_physician_name, referring_physician_search,
    institution_name, modalities_in_study, sop_classes_in_study, body_parts_examined, number_of_series,
    number_of_instances, custodian_organization_id, indexed_at)
SELECT s.uid, s.p, bench.patient_id(s.issuer, s.p), s.issuer, nm.pn, nm.alphabetic, nm.ideographic, nm.phonetic,
       date '1930-01-01' + bench.h(4, s.p) % 32000,
       (ARRAY['F', 'M', 'F', 'M', 'O'])[1 + bench.h(5, s.p) % 5],
       s.study_date,
       lpad((7 + bench.h(13, s.i) % 12)::text, 2, '0') || lpad((bench.h(14, s.i) % 60)::text, 2, '0') || lpad((bench.h(15, s.i) % 60)::text, 2, '0'),
       s.acc_prefix || lpad(((s.i * 2654435761) % 10000000000)::text, 10, '0'),
       s.issuer,
       CASE WHEN bench.h(16, s.i) % 3 = 0 THEN NULL ELSE 'PO' || s.i::text END,
       CASE WHEN bench.h(16, s.i) % 3 = 0 THEN NULL ELSE 'RP' || s.modality || lpad((bench.h(17, s.i) % 200)::text, 3, '0') END,
       (s.i % 100000)::text, s.description, ph.pn, ph.alphabetic, s.institution,
       CASE WHEN s.modality = 'PT' THEN 'PT\CT' ELSE s.modality END,
       CASE WHEN s.modality = 'PT' THEN '1.2.840.10008.5.1.4.1.1.128\1.2.840.10008.5.1.4.1.1.2' ELSE s.sop_class END,
       s.body_part, s.series, s.instances, s.org, timestamptz '2026-12-01 00:00:00+00'
FROM bench.study_choice s
JOIN bench_name nm ON nm.idx = bench.h(10, s.p) % :name_pool
JOIN bench_physician ph ON ph.idx = bench.h(18, s.i) % 400;

-- Modalities in Study, one row each, with the study date.
INSERT INTO study_modality (study_instance_uid, modality, study_date)
SELECT uid, modality, study_date FROM bench.study_choice
UNION ALL SELECT uid, 'CT', study_date FROM bench.study_choice WHERE modality = 'PT';

-- Fuzzy-matching components of Patient's Name.
INSERT INTO person_name_component (study_instance_uid, component)
SELECT s.uid, c.component FROM bench.study_choice s JOIN bench_name_component c ON c.idx = bench.h(10, s.p) % :name_pool;

-- Holding sources: every study from its source; 2% also from a second channel (modality-f's C-STORE or a
-- registration), the same record reached twice.
INSERT INTO study_source (study_instance_uid, source_id, fingerprint, crawl_generation, updated_at)
SELECT uid, source_id, md5(uid), 1, timestamptz '2026-12-01 00:00:00+00' FROM bench.study_choice
UNION ALL
SELECT uid, CASE WHEN source_id = 'modality-f' THEN 'pacs-a1' ELSE 'modality-f' END, 'c-store', 1,
       timestamptz '2026-12-01 01:00:00+00' FROM bench.study_choice WHERE bench.h(19, i) % 50 = 0;

-- Series level: series j of a study (PT studies: the first series is the CT).
INSERT INTO imaging_series (series_instance_uid, study_instance_uid, modality, series_number, series_description,
    body_part_examined, number_of_instances)
SELECT s.uid || '.' || j, s.uid,
       CASE WHEN s.modality = 'PT' AND j = 1 THEN 'CT' ELSE s.modality END,
       j, s.description || ' ' || j, s.body_part,
       s.instances / s.series + CASE WHEN j <= s.instances % s.series THEN 1 ELSE 0 END
FROM bench.study_choice s CROSS JOIN LATERAL generate_series(1, s.series) j;

-- Instance level: instance k of series j.
INSERT INTO imaging_instance (sop_instance_uid, series_instance_uid, study_instance_uid, sop_class_uid,
    instance_number, number_of_frames)
SELECT s.uid || '.' || j || '.' || k, s.uid || '.' || j, s.uid,
       CASE WHEN s.modality = 'PT' AND j = 1 THEN '1.2.840.10008.5.1.4.1.1.2' ELSE s.sop_class END,
       k, CASE WHEN s.modality IN ('XA', 'US') THEN 1 + (s.i + k) % 30 ELSE NULL END
FROM bench.study_choice s
CROSS JOIN LATERAL generate_series(1, s.series) j
CROSS JOIN LATERAL generate_series(1, s.instances / s.series + CASE WHEN j <= s.instances % s.series THEN 1 ELSE 0 END) k;

-- Crawl bookkeeping as after one crawl of each source.
INSERT INTO crawl_state (source_id, generation, running, next_offset, studies_seen, added, updated, started_at, updated_at)
SELECT source_id, 1, false, 0, 0, 0, 0, timestamptz '2026-12-01 00:00:00+00', timestamptz '2026-12-01 00:00:00+00'
FROM bench_source;
INSERT INTO crawl_run (source_id, finished_at, succeeded, studies, series, instances, added, updated, removed, duration_ms, detail)
SELECT b.source_id, timestamptz '2026-12-01 00:00:00+00', true, count(*), sum(series), sum(instances), count(*), 0, 0, 0, 'generated'
FROM bench.study_choice b GROUP BY b.source_id;

SET session_replication_role = origin;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM bench_index_def LOOP EXECUTE r.indexdef; END LOOP;
END $$;

DROP SCHEMA bench CASCADE;
VACUUM ANALYZE;
