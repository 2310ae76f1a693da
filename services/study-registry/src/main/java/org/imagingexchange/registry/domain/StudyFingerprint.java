package org.imagingexchange.registry.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a source says about a study at study level, reduced to a SHA-256 (64 hex digits): the
 * study-level attributes and the source's Number of Study Related Series/Instances (0020,1206/1208).
 * A crawl reads a study's series and instances only when its fingerprint changed, so re-crawling an
 * unchanged archive costs one study-level query per page. Pure and thread-safe.
 */
public final class StudyFingerprint {

    private StudyFingerprint() {
    }

    /**
     * @param header the study as the source lists it (after the source's default issuer was applied)
     * @return 64 lower-case hexadecimal digits
     */
    public static String of(Study header) {
        String canonical = String.join("\u001f", header.studyInstanceUid(), header.patientId(),
                header.issuerOfPatientId(), text(header.patientName()), text(header.patientBirthDate()),
                text(header.patientSex()), text(header.studyDate()), text(header.studyTime()),
                text(header.accessionNumber()), text(header.accessionNumberIssuer()), text(header.studyId()),
                text(header.studyDescription()), text(header.referringPhysicianName()), text(header.institutionName()),
                String.join("\\", header.modalitiesInStudy()), String.valueOf(header.otherPatientIds()),
                Integer.toString(header.numberOfSeries()), Integer.toString(header.numberOfInstances()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
