/**
 * Integration layer: the PixelMed implementation of the DICOM port of {@code libs/dicom}. The only
 * package of the platform that imports PixelMed; everything it hands out is the shared model
 * ({@link org.imagingexchange.dicom.DicomDataset}, {@link org.imagingexchange.dicom.DimseStatus}),
 * and toolkit errors become a {@link org.imagingexchange.dicom.net.DimseException} in
 * {@link org.imagingexchange.dicom.pixelmed.PixelMedErrors} only.
 */
package org.imagingexchange.dicom.pixelmed;
