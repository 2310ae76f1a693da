-- FHIR ImagingStudy search by bodysite: studies with a series of a given Body Part Examined (0018,0015).
CREATE INDEX imaging_series_body_part ON imaging_series (body_part_examined);
