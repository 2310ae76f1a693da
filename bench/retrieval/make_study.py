#!/usr/bin/python3
"""Writes one synthetic study for the retrieval benchmark: N copies of a sample MR instance, each with
new Study/Series/SOP Instance UIDs (one study, one series), a given Patient ID and a pixel matrix of the
requested size (16-bit, Explicit VR Little Endian, uncompressed), so the study has a known size.

    make_study.py SAMPLE OUT_DIR COUNT ROWS COLUMNS PATIENT_ID

Prints the Study Instance UID. Pixel values are a deterministic ramp (not personal data).
"""
import os
import sys

import pydicom
from pydicom.uid import ExplicitVRLittleEndian, generate_uid


def main():
    sample, out, count, rows, cols, patient = sys.argv[1:7]
    count, rows, cols = int(count), int(rows), int(cols)
    os.makedirs(out, exist_ok=True)
    study, series = generate_uid(), generate_uid()
    ramp = bytes((i * 7) & 0xFF for i in range(65536))
    size = rows * cols * 2
    pixels = (ramp * (size // len(ramp) + 1))[:size]
    for i in range(count):
        ds = pydicom.dcmread(sample)
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        sop = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = sop
        ds.SOPInstanceUID = sop
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series
        ds.PatientID = patient
        ds.PatientName = "BENCH^RETRIEVAL"
        ds.StudyDescription = "retrieval benchmark %d x %dx%d" % (count, rows, cols)
        ds.AccessionNumber = ""
        ds.InstanceNumber = i + 1
        ds.Rows, ds.Columns = rows, cols
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 16, 15
        ds.SamplesPerPixel = 1
        ds.PixelRepresentation = 0
        ds.PixelData = pixels
        ds["PixelData"].VR = "OW"
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.save_as(os.path.join(out, "%04d.dcm" % i), write_like_original=False)
    print(study)


if __name__ == "__main__":
    main()
