/**
 * The DICOM JSON model, PS3.18 Annex F: reading and writing data sets as the JSON that QIDO-RS and
 * WADO-RS metadata carry. Domain layer on JSON-P only.
 */
package org.imagingexchange.dicom.json;
