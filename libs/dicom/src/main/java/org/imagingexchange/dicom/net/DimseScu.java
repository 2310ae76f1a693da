package org.imagingexchange.dicom.net;

/**
 * All SCU operations of the port in one object, for services that need several. Implementations
 * name the toolkit ({@code PixelMedDimseScu}) and carry our calling AE title. Threading: see package.
 */
public interface DimseScu extends CEchoScu, CFindScu, CGetScu, CMoveScu, CStoreScu {
}
