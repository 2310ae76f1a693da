/**
 * DICOM model shared by the Imaging Exchange services: the attribute dictionary the platform uses
 * ({@link org.imagingexchange.dicom.DicomAttribute}), value representations, UIDs (PS3.5 §9),
 * transfer syntaxes (PS3.5 §10, PS3.6 Annex A), data sets, person names (PS3.5 §6.2) and DIMSE
 * status codes (PS3.7 Annex C, PS3.4). Domain layer: imports no DICOM toolkit, no JAX-RS, no JPA.
 */
package org.imagingexchange.dicom;
