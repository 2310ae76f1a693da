package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Study Instance UID from ZDS segments (IHE RAD Technical Framework, Scheduled Workflow: ZDS-1
 * Study Instance UID, data type RP: {@code <uid>^<application>^Application^DICOM}). ZDS is a Z-segment,
 * so HAPI keeps it as a non-standard segment in whichever group it follows; every group is searched.
 * Stateless.
 */
final class ZdsSegments {

    /** Segment id of the IHE RAD study segment. */
    static final String ZDS = "ZDS";

    private ZdsSegments() {
    }

    /** @return the ZDS-1 values (RP pointer component), in message order */
    static List<ReportSections.Located> studyUids(Group message) {
        List<Segment> found = new ArrayList<>();
        collect(message, found);
        List<ReportSections.Located> uids = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            String uid = pointer(found.get(i));
            if (!uid.isEmpty()) {
                uids.add(new ReportSections.Located(ZDS, i + 1, 1, uid));
            }
        }
        return uids;
    }

    private static void collect(Group group, List<Segment> found) {
        for (String name : group.getNames()) {
            Structure[] all;
            try {
                all = group.getAll(name);
            } catch (HL7Exception e) {
                continue;
            }
            for (Structure s : all) {
                if (s instanceof Segment seg && ZDS.equals(seg.getName())) {
                    found.add(seg);
                } else if (s instanceof Group g) {
                    collect(g, found);
                }
            }
        }
    }

    private static String pointer(Segment zds) {
        try {
            if (zds.numFields() < 1 || zds.getField(1).length == 0) {
                return "";
            }
            Type field = zds.getField(1, 0);
            Type data = field instanceof Varies v ? v.getData() : field;
            if (data instanceof Composite c && c.getComponents().length > 0) {
                return V2Values.text(c.getComponents()[0]);
            }
            return V2Values.text(data);
        } catch (HL7Exception e) {
            return "";
        }
    }
}
