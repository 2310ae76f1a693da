// QIDO-RS through the platform's gateway with dicomweb-client, the DICOMweb client library of web viewers.
// Usage: node qido-search.cjs <DICOMweb base URL> <bearer token> <PatientID>
// Prints {"studies": [...], "series": [...]} (DICOM JSON) for the patient's first study; exit 1 on error.
'use strict';
global.XMLHttpRequest = require('xhr2');
const dwc = require('dicomweb-client');

async function main() {
  const [url, token, patientId] = process.argv.slice(2);
  const client = new dwc.api.DICOMwebClient({ url, headers: { Authorization: 'Bearer ' + token } });
  const studies = await client.searchForStudies({ queryParams: { PatientID: patientId } });
  let series = [];
  if (studies.length > 0) {
    const studyInstanceUID = studies[0]['0020000D'].Value[0];
    series = await client.searchForSeries({ studyInstanceUID });
  }
  process.stdout.write(JSON.stringify({ studies, series }));
}

main().catch((e) => {
  process.stderr.write('dicomweb-client failed: ' + (e && (e.message || e.status || e)) + '\n');
  process.exit(1);
});
