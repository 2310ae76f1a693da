#!/usr/bin/env python3
"""Writes a Key Object Selection manifest (PS3.3 A.35.4, as IHE XDS-I / MADO use it) for the registry's tests.

usage: make_kos.py OUT STUDY_UID PATIENT_ID RETRIEVE_AE SOP_CLASS SOP_UID...

The KOS belongs to the study it references and lists one series (STUDY_UID.1, modality CT) with the given
instances, retrievable from RETRIEVE_AE. Needs Debian's python3-pydicom.
"""
import sys

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

KOS = "1.2.840.10008.5.1.4.1.1.88.59"


def main(out, study, patient, retrieve_ae, sop_class, *sops):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = KOS
    meta.MediaStorageSOPInstanceUID = study + ".900.1"
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = KOS
    ds.SOPInstanceUID = study + ".900.1"
    ds.Modality = "KO"
    ds.StudyDate = "20261130"
    ds.StudyTime = "081500"
    ds.AccessionNumber = "KOS-ACC-1"
    ds.StudyDescription = "Manifest test study"
    ds.PatientName = "Manifest^Test"
    ds.PatientID = patient
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = study + ".900"
    ds.SeriesNumber = 900
    ds.InstanceNumber = 1
    refs = []
    for n, sop in enumerate(sops, start=1):
        ref = Dataset()
        ref.ReferencedSOPClassUID = sop_class
        ref.ReferencedSOPInstanceUID = sop
        ref.InstanceNumber = n
        refs.append(ref)
    series = Dataset()
    series.RetrieveAETitle = retrieve_ae
    series.Modality = "CT"
    series.SeriesInstanceUID = study + ".1"
    series.ReferencedSOPSequence = refs
    evidence = Dataset()
    evidence.StudyInstanceUID = study
    evidence.ReferencedSeriesSequence = [series]
    ds.CurrentRequestedProcedureEvidenceSequence = [evidence]
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.save_as(out, write_like_original=False)


if __name__ == "__main__":
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    main(*sys.argv[1:])
