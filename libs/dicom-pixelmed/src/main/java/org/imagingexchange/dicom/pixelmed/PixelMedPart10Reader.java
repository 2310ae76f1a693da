package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.InvalidDicomObjectException;
import org.imagingexchange.dicom.Part10Reader;
import org.imagingexchange.dicom.TransferSyntax;
import org.imagingexchange.dicom.Uid;

/**
 * {@link Part10Reader} on PixelMed's {@code AttributeList.read}, with pixel data decompression
 * switched off (PixelMed decompresses by default). PixelMed logs and swallows a read error half-way
 * and returns what it had, so completeness is proven here: a complete object is read up to its last
 * byte (PixelMed reports the offset it reached); for a deflated transfer syntax, whose offset counts
 * inflated bytes, the offset must reach at least the file size. Stateless and thread-safe.
 */
public final class PixelMedPart10Reader implements Part10Reader {

    @Override
    public DicomDataset readHeader(InputStream part10) throws InvalidDicomObjectException, IOException {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try {
            list.read(new DicomInputStream(new BufferedInputStream(part10)), TagFromName.PixelData);
            return PixelMedAttributes.toDataset(list);
        } catch (DicomException e) {
            throw new InvalidDicomObjectException(DimseStatus.UNABLE_TO_PROCESS, "not a DICOM object: " + e.getMessage(), e);
        }
    }

    @Override
    public DicomDataset readVerified(Path file) throws InvalidDicomObjectException, IOException {
        long size = Files.size(file);
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        long reached;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            reached = list.read(new DicomInputStream(in));
        } catch (DicomException | RuntimeException e) {
            throw new InvalidDicomObjectException(DimseStatus.UNABLE_TO_PROCESS, "not a DICOM object: " + e.getMessage(), e);
        }
        DicomDataset dataset;
        try {
            dataset = PixelMedAttributes.toDataset(list);
        } catch (DicomException e) {
            throw new InvalidDicomObjectException(DimseStatus.UNABLE_TO_PROCESS, "unreadable value: " + e.getMessage(), e);
        }
        boolean deflated = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid()
                .equals(dataset.getString(DicomAttribute.TRANSFER_SYNTAX_UID));
        if (deflated ? reached < size : reached != size) {
            throw new InvalidDicomObjectException(DimseStatus.UNABLE_TO_PROCESS,
                    "truncated or malformed data set: parsing stopped at byte " + reached + " of " + size, null);
        }
        requireUid(dataset, DicomAttribute.SOP_CLASS_UID);
        requireUid(dataset, DicomAttribute.SOP_INSTANCE_UID);
        return dataset;
    }

    private static void requireUid(DicomDataset dataset, DicomAttribute attribute) throws InvalidDicomObjectException {
        String uid = dataset.getString(attribute);
        if (!Uid.isValid(uid)) {
            throw new InvalidDicomObjectException(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    attribute.keyword() + " missing or not a UID (PS3.3 C.12.1)", null);
        }
    }
}
