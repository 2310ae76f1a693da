package org.imagingexchange.reports.api.hl7v2;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.imagingexchange.reports.api.FhirCodec;
import org.imagingexchange.reports.domain.MessageIntake;
import org.imagingexchange.reports.domain.ReportService;

/**
 * Fuzzes the HL7 v2 intake (both transports end here): any text must be answered with an acknowledgement
 * (an ER7 message with MSH and MSA), never an exception. Seeds: the ORU^R01 test messages.
 */
class Hl7v2IntakeFuzzTest {

    private static final Hl7v2Intake INTAKE = new Hl7v2Intake(new Hl7v2Parser(),
            new MessageIntake(new ReportService(new Hl7v2IntakeTest.ListReports(), null, Clock.systemUTC()),
                    new Hl7v2IntakeTest.MapLog(), Clock.systemUTC()),
            new FhirCodec(), Set.of("P"), ZoneOffset.UTC);

    @FuzzTest(maxExecutions = 200_000)
    void receive_anyText_isAcknowledged(FuzzedDataProvider data) {
        String er7 = data.consumeRemainingAsString();
        String ack = INTAKE.receive(er7, facility -> Optional.of(Hl7v2IntakeTest.RIS_A)).ack();
        if (!ack.startsWith("MSH") || !ack.contains("\rMSA|")) {
            throw new IllegalStateException("not an acknowledgement: " + ack);
        }
    }
}
