#!/usr/bin/python3
"""Fills an Orthanc with small valid DICOM instances for the registry's crawl benchmark.

    load_orthanc.py URL USER PASSWORD [STUDIES] [SEED]

STUDIES studies (default 10000) of STUDIES * 3 / 10 patients, one CT/MR/CR/US series of one instance
each and a second series (one instance) in every tenth study: STUDIES * 1.1 instances. Distinct UIDs
under 2.25 (derived from the seed), UTF-8 names with accents and other scripts, varied dates and
modalities, 8x8 pixel data. Invented data only. Posts each object to Orthanc's REST API
(POST /instances) from 4 threads; prints the counts and the time.
"""
import base64
import io
import random
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, PYDICOM_IMPLEMENTATION_UID

FAMILY = ["Müller", "Dvořák", "Sørensen", "García", "Łukasiewicz", "Lefèvre", "Novák", "Kovács", "Jansen",
          "Peeters", "Rossi", "Schmidt", "Nowak", "Silva", "Öberg", "Yılmaz", "Иванов", "Παπαδόπουλος",
          "Smith", "de Vries"]
GIVEN = ["Jürgen", "Zoë", "Renée", "José", "Søren", "Hélène", "Jiří", "Ágnes", "Anna", "Pieter", "Luca", "Eva",
         "Алексей", "Μαρία", "Tomáš", "Inês"]
MODALITIES = [("CT", "1.2.840.10008.5.1.4.1.1.2"), ("MR", "1.2.840.10008.5.1.4.1.1.4"),
              ("CR", "1.2.840.10008.5.1.4.1.1.1"), ("US", "1.2.840.10008.5.1.4.1.1.6.1")]


def uid(rng):
    return "2.25." + str(rng.getrandbits(120) + 1)


def instance(study, series, sop_uid, modality, sop_class, series_number):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = study["uid"]
    ds.SeriesInstanceUID = series
    ds.PatientID = study["patient_id"]
    ds.IssuerOfPatientID = "BENCH-PACS"
    ds.PatientName = study["name"]
    ds.PatientBirthDate = study["birth"]
    ds.PatientSex = study["sex"]
    ds.StudyDate = study["date"]
    ds.StudyTime = study["time"]
    ds.AccessionNumber = study["accession"]
    ds.StudyID = study["study_id"]
    ds.StudyDescription = study["description"]
    ds.ReferringPhysicianName = "Weber^Klaus^^Dr."
    ds.InstitutionName = "Bench Hospital"
    ds.Modality = modality
    ds.SeriesNumber = series_number
    ds.InstanceNumber = 1
    ds.BodyPartExamined = "CHEST"
    ds.Rows = 8
    ds.Columns = 8
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.PixelData = bytes(range(64))
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    out = io.BytesIO()
    ds.save_as(out, write_like_original=False)
    return out.getvalue()


def main():
    url, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
    studies = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    patients = []
    for p in range(max(1, studies * 3 // 10)):
        patients.append({"patient_id": f"BP{p:07d}", "name": f"{rng.choice(FAMILY)}^{rng.choice(GIVEN)}",
                         "birth": (date(1930, 1, 1) + timedelta(days=rng.randrange(32000))).strftime("%Y%m%d"),
                         "sex": rng.choice("FMO")})
    objects = []
    for i in range(studies):
        patient = rng.choice(patients)
        modality, sop_class = rng.choice(MODALITIES)
        study = dict(patient, uid=uid(rng),
                     date=(date(2005, 1, 1) + timedelta(days=rng.randrange(7990))).strftime("%Y%m%d"),
                     time=f"{rng.randrange(7, 19):02d}{rng.randrange(60):02d}00", accession=f"BA{i:08d}",
                     study_id=str(i % 100000), description=f"{modality} bench study")
        objects.append((study, uid(rng), uid(rng), modality, sop_class, 1))
        if i % 10 == 0:
            objects.append((study, uid(rng), uid(rng), modality, sop_class, 2))

    def post(args):
        body = instance(*args)
        request = urllib.request.Request(url.rstrip("/") + "/instances", data=body, method="POST",
                                         headers={"Authorization": auth, "Content-Type": "application/dicom"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status

    t0 = time.time()
    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(post, objects, chunksize=50))
    bad = sum(1 for s in statuses if s != 200)
    print(f"posted {len(objects)} instances of {studies} studies in {time.time() - t0:.0f} s ({bad} rejected)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
