import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.DimseScpConfig;
import org.imagingexchange.dicom.pixelmed.PixelMedDimseScp;

/**
 * Benchmark SCP: the PixelMed C-STORE SCP of libs/dicom-pixelmed with a handler that takes each
 * header as an index would (reads the identifiers) and counts it. Run by bench/dimse/run.sh with
 * the module's class path; prints "ready" when listening and the count every second.
 */
public class HeaderIngestScp {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        AtomicLong headers = new AtomicLong();
        AtomicLong identified = new AtomicLong();
        DimseScpConfig config = new DimseScpConfig(new AeTitle("EXCHANGE"), "127.0.0.1", port,
                Set.of(new AeTitle("STORESCU")), Map.of(), (association, header) -> {
                    if (header.attributes().getString(DicomAttribute.STUDY_INSTANCE_UID) != null
                            && header.attributes().getString(DicomAttribute.SOP_INSTANCE_UID) != null) {
                        identified.incrementAndGet();
                    }
                    headers.incrementAndGet();
                    return DimseStatus.SUCCESS;
                }, null, null, null);
        try (PixelMedDimseScp scp = PixelMedDimseScp.start(config)) {
            System.out.println("ready");
            while (true) {
                Thread.sleep(1000);
                System.out.println("headers=" + headers.get() + " identified=" + identified.get());
            }
        }
    }
}
