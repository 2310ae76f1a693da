package org.imagingexchange.registry.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.registry.domain.QidoQueryParser;

/**
 * Fuzzes the QIDO-RS query parser (PS3.18 §8.3.4, §10.6) with arbitrary parameter maps: keys drawn from
 * the matching and control keys (by keyword and tag) or arbitrary, values arbitrary. The only acceptable
 * failure is a 4xx problem (a clean 400 naming the parameter); anything else would be a 500 and is a
 * finding. Every test run replays the seed corpus; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz/README.md).
 */
class QidoQueryParserFuzzTest {

    private static final String[] KEYS = {"PatientID", "00100020", "PatientName", "00100010", "IssuerOfPatientID",
            "StudyDate", "00080020", "StudyTime", "AccessionNumber", "ModalitiesInStudy", "Modality", "StudyInstanceUID",
            "0020000D", "SeriesInstanceUID", "SOPInstanceUID", "SOPClassUID", "ReferringPhysicianName", "StudyID",
            "BodyPartExamined", "limit", "offset", "includefield", "fuzzymatching", "00080061", "00080050"};

    @FuzzTest(maxExecutions = 1_000_000)
    void parse_anyParameters_answersOrRefusesWith4xx(FuzzedDataProvider data) {
        Map<String, List<String>> params = new HashMap<>();
        int n = data.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
            String key = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(24);
            List<String> values = new ArrayList<>();
            int m = data.consumeInt(1, 3);
            for (int j = 0; j < m; j++) {
                values.add(data.consumeString(80));
            }
            params.put(key, values);
        }
        int level = data.consumeInt(0, 4);
        try {
            switch (level) {
                case 0 -> QidoQueryParser.studies(params);
                case 1 -> QidoQueryParser.series(params);
                case 2 -> QidoQueryParser.instances(params);
                default -> QidoQueryParser.acrossStudies(params, level == 4);
            }
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
        }
    }
}
