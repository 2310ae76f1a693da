/**
 * API layer of the study registry: QIDO-RS (PS3.18 §10.6), FHIR R4 ImagingStudy search, the internal
 * location, crawl and source endpoints, their DTOs, DICOM JSON / FHIR mapping and the QIDO metrics filter.
 */
package org.imagingexchange.registry.api;
