package org.imagingexchange.dicom.pixelmed;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps PixelMed's error log for real errors: the early end of its post-release ARTIM wait (see
 * {@link TappedSocket}) makes PixelMed log an "A-P-ABORT ... InterruptedException" at SEVERE for
 * every normally released association. This java.util.logging filter drops exactly those records
 * (PixelMed logs through java.util.logging when no SLF4J binding is present).
 */
final class ReleaseLogFilter implements Filter {

    /** Held so that the configured loggers are not collected and reset. */
    private static final List<Logger> LOGGERS = List.of(Logger.getLogger("com.pixelmed.network.Association"),
            Logger.getLogger("com.pixelmed.network.StorageSOPClassSCP"));

    private ReleaseLogFilter() {
    }

    /** Installs the filter on PixelMed's association loggers; idempotent. */
    static synchronized void install() {
        for (Logger logger : LOGGERS) {
            if (!(logger.getFilter() instanceof ReleaseLogFilter)) {
                logger.setFilter(new ReleaseLogFilter());
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || String.valueOf(t.getMessage()).endsWith("java.lang.InterruptedException")) {
                return false;
            }
        }
        return true;
    }
}
