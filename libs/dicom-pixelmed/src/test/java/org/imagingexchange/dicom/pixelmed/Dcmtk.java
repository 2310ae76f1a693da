package org.imagingexchange.dicom.pixelmed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a DCMTK command line tool (Debian dcmtk) as an independent DIMSE peer and captures its output. */
final class Dcmtk {

    /** Exit code and combined stdout/stderr of one run. */
    record Run(int exitCode, String output) {
    }

    private Dcmtk() {
    }

    static Run run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(tool + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Runs a tool and signals when its output shows a line, so a test can hold back the SCP's next step until
     * the tool has done something (e.g. sent a C-CANCEL) rather than for a guessed time.
     *
     * @param marker text of the output line to wait for
     * @param seen   counted down when a line containing the marker appears
     */
    static Run runSignalling(String marker, java.util.concurrent.CountDownLatch seen, String tool, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.contains(marker)) {
                    seen.countDown();
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(tool + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), output.toString());
    }

    /** Starts a long-running tool (storescp); the caller destroys it. */
    static Process start(String tool, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
