package org.imagingexchange.registry.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imagingexchange.registry.domain.CrossStudyQuery;
import org.imagingexchange.registry.domain.PersonNames;
import org.imagingexchange.registry.domain.SearchScope;
import org.imagingexchange.registry.domain.SeriesQuery;
import org.imagingexchange.registry.domain.StudyQuery;

/**
 * Turns a study-level query into one SQL statement over {@code imaging_study} and its side tables, with
 * the PS3.4 C.2.2.2 matching rules: single value (case-sensitive, except PN), wildcard ({@code *} to
 * {@code %}, {@code ?} to {@code _}, other LIKE characters escaped), list of UIDs, date and time ranges,
 * PN matched case- and accent-insensitively against any component group (the {@code *_search} forms),
 * and fuzzy PN matching by component prefix. Every condition has an index (V2 and the V2_1 of db/postgresql and db/h2). Pure.
 *
 * @param sql        the statement with positional parameters {@code ?1, ?2, ...}
 * @param parameters the parameter values in order
 */
record StudySearchSql(String sql, List<Object> parameters, boolean pagedInside) {

    /**
     * A statement paged by the caller (OFFSET/FETCH appended to the outermost SELECT).
     *
     * @param sql        the statement
     * @param parameters its parameter values
     */
    StudySearchSql(String sql, List<Object> parameters) {
        this(sql, parameters, false);
    }

    /** The PN columns of the patient's name, one per component group (alphabetic, ideographic, phonetic). */
    private static final List<String> NAME_GROUPS =
            List.of("patient_name_alphabetic", "patient_name_ideographic", "patient_name_phonetic");

    /** Result order: newest study date first, undated last, then by UID (stable for paging). */
    static final String ORDER = " ORDER BY s.study_date DESC NULLS LAST, s.study_instance_uid";

    /**
     * @param q the query
     * @return the SELECT of matching {@code imaging_study} rows in result order
     */
    static StudySearchSql of(StudyQuery q) {
        return of(q, SearchScope.ALL);
    }

    /**
     * @param q     the query
     * @param scope the consent pre-filter
     * @return the SELECT of matching {@code imaging_study} rows in result order
     */
    static StudySearchSql of(StudyQuery q, SearchScope scope) {
        if (byNamePrefix(q)) {
            return keysThenRows(q, scope);
        }
        Builder b = new Builder();
        studyConditions(b, q);
        scope(b, scope, "s");
        return new StudySearchSql("SELECT s.* FROM imaging_study s" + b.whereClause() + ORDER, b.values);
    }

    /** A PatientName key without component groups and not fuzzy: matched against each group by its own index. */
    private static boolean byNamePrefix(StudyQuery q) {
        return q.patientName() != null && !q.fuzzy() && q.patientName().indexOf('=') < 0;
    }

    /**
     * Keys, then rows: the page of matching keys is found, scoped, ordered and cut first, and only its rows
     * are read. Each name group is matched by its own index, which carries what the scope and the order
     * need (db/postgresql V3_3), so on PostgreSQL a common name prefix (thousands of studies) is read from
     * the indexes alone and only the page's rows from the table (300 ms to 25 ms for 2,251 matches at a
     * million studies). The caller's offset and limit are the last two parameters ({@link #pagedInside}).
     */
    private static StudySearchSql keysThenRows(StudyQuery q, SearchScope scope) {
        Builder b = new Builder();
        List<String> groups = PersonNames.searchGroups(q.patientName());
        String key = groups.get(0) == null ? PersonNames.fold(q.patientName()) : groups.get(0);
        List<String> branches = new ArrayList<>();
        for (String column : NAME_GROUPS) {
            Builder branch = b.branch();
            branch.where("s." + column + " " + branch.match(key));
            studyConditions(branch, q.withoutPatientName());
            branches.add("SELECT s.study_instance_uid, s.study_date, s.custodian_organization_id, s.patient_id"
                    + " FROM imaging_study s" + branch.whereClause());
        }
        Builder outer = b.branch();
        scope(outer, scope, "k");
        String keys = "SELECT k.study_instance_uid FROM (" + String.join(" UNION ", branches) + ") k"
                + outer.whereClause() + " ORDER BY k.study_date DESC NULLS LAST, k.study_instance_uid"
                + " OFFSET " + b.param(null) + " ROWS FETCH NEXT " + b.param(null) + " ROWS ONLY";
        return new StudySearchSql("SELECT s.* FROM imaging_study s JOIN (" + keys + ") p"
                + " ON p.study_instance_uid = s.study_instance_uid" + ORDER, b.values, true);
    }

    /**
     * @param q     study and series keys
     * @param scope the consent pre-filter of their studies
     * @return the SELECT of matching {@code imaging_series} rows, in study order then series number
     */
    static StudySearchSql series(CrossStudyQuery q, SearchScope scope) {
        Builder b = new Builder();
        studyConditions(b, q.study());
        scope(b, scope, "s");
        seriesConditions(b, q.series());
        return new StudySearchSql("SELECT x.* FROM imaging_series x JOIN imaging_study s"
                + " ON s.study_instance_uid = x.study_instance_uid" + b.whereClause() + ORDER
                + ", x.series_number NULLS LAST, x.series_instance_uid", b.values);
    }

    /**
     * @param q     study, series and instance keys
     * @param scope the consent pre-filter of their studies
     * @return the SELECT of matching {@code imaging_instance} rows, in study, series and instance order
     */
    static StudySearchSql instances(CrossStudyQuery q, SearchScope scope) {
        Builder b = new Builder();
        studyConditions(b, q.study());
        scope(b, scope, "s");
        seriesConditions(b, q.series());
        if (!q.instance().sopInstanceUids().isEmpty()) {
            b.where("i.sop_instance_uid IN (" + b.params(new ArrayList<>(q.instance().sopInstanceUids())) + ")");
        }
        if (!q.instance().sopClassUids().isEmpty()) {
            b.where("i.sop_class_uid IN (" + b.params(new ArrayList<>(q.instance().sopClassUids())) + ")");
        }
        return new StudySearchSql("SELECT i.* FROM imaging_instance i JOIN imaging_series x"
                + " ON x.series_instance_uid = i.series_instance_uid JOIN imaging_study s"
                + " ON s.study_instance_uid = x.study_instance_uid" + b.whereClause() + ORDER
                + ", x.series_number NULLS LAST, x.series_instance_uid, i.instance_number NULLS LAST, i.sop_instance_uid",
                b.values);
    }

    /**
     * The consent pre-filter: the requester's own archive's studies, or a patient with a permit directive
     * that could apply to this requester and this study (organisation, country, data class, not ended, and
     * the directive's custodian {@code Consent.organization}, which governs only the data it holds, is the
     * study's). The issuer of the directive's identifier is left to the consent decision. PostgreSQL evaluates the EXISTS either
     * as one hash of the candidates per statement or as an index probe per row, whichever is cheaper; with
     * the covering result-order index (db/postgresql V3_2) an unfiltered page is an index-only scan.
     */
    private static void scope(Builder b, SearchScope scope, String alias) {
        if (!scope.restricted()) {
            return;
        }
        String org = b.param(scope.organizationId());
        b.where("(" + alias + ".custodian_organization_id = " + org + " OR EXISTS (SELECT 1 FROM consent_permit h"
                + " WHERE h.patient_id = " + alias + ".patient_id"
                + " AND (h.organization_id IS NULL OR h.organization_id = " + org + ")"
                + " AND (h.country IS NULL OR h.country = " + b.param(scope.country()) + ")"
                + " AND (h.custodian_organization_id IS NULL OR h.custodian_organization_id = " + alias
                + ".custodian_organization_id)"
                + " AND (h.data_class IS NULL OR h.data_class = 'IMAGING_STUDY')"
                + " AND (h.period_end IS NULL OR h.period_end >= CURRENT_TIMESTAMP)))");
    }

    private static void seriesConditions(Builder b, SeriesQuery q) {
        if (!q.seriesInstanceUids().isEmpty()) {
            b.where("x.series_instance_uid IN (" + b.params(new ArrayList<>(q.seriesInstanceUids())) + ")");
        }
        if (!q.modalities().isEmpty()) {
            List<String> exact = q.modalities().stream().filter(v -> !StudyQuery.hasWildcard(v)).toList();
            List<String> conditions = new ArrayList<>();
            if (!exact.isEmpty()) {
                conditions.add("x.modality IN (" + b.params(new ArrayList<>(exact)) + ")");
            }
            q.modalities().stream().filter(StudyQuery::hasWildcard).forEach(v -> conditions.add("x.modality " + b.match(v)));
            b.where("(" + String.join(" OR ", conditions) + ")");
        }
    }

    private static void studyConditions(Builder b, StudyQuery q) {
        if (!q.studyInstanceUids().isEmpty()) {
            b.where("s.study_instance_uid IN (" + b.params(new ArrayList<>(q.studyInstanceUids())) + ")");
        }
        if (q.patientId() != null) {
            String issuer = q.issuerOfPatientId() == null ? "" : " AND pi.issuer = " + b.param(q.issuerOfPatientId());
            b.where("s.patient_key IN (SELECT pi.patient_key FROM patient_identifier pi WHERE pi.id_value "
                    + b.match(q.patientId()) + issuer + ")");
        } else if (q.issuerOfPatientId() != null) {
            b.where("s.issuer_of_patient_id = " + b.param(q.issuerOfPatientId()));
        }
        if (q.patientName() != null) {
            if (q.fuzzy()) {
                // One INTERSECT of index-only scans: studies are fetched only when every token matched.
                List<String> tokens = new ArrayList<>();
                for (String token : PersonNames.fuzzyTokens(q.patientName())) {
                    tokens.add("SELECT c.study_instance_uid FROM person_name_component c WHERE c.component LIKE "
                            + b.param(escape(token) + "%") + " ESCAPE '\\'");
                }
                if (!tokens.isEmpty()) {
                    b.where("s.study_instance_uid IN (" + String.join(" INTERSECT ", tokens) + ")");
                }
            } else {
                b.where(personName(b, q.patientName()));
            }
        }
        if (q.studyDate() != null) {
            dateRange(b, "s.study_date", q);
        }
        if (q.studyTime() != null) {
            if (q.studyTime().from() != null) {
                b.where("s.study_time >= " + b.param(q.studyTime().from()));
            }
            if (q.studyTime().to() != null) {
                b.where("s.study_time <= " + b.param(q.studyTime().to()));
            }
        }
        if (!q.modalitiesInStudy().isEmpty()) {
            // The date range is repeated inside, so (modality, study_date) narrows before the join.
            String dates = "";
            if (q.studyDate() != null) {
                dates = (q.studyDate().from() == null ? "" : " AND m.study_date >= " + b.param(q.studyDate().from()))
                        + (q.studyDate().to() == null ? "" : " AND m.study_date <= " + b.param(q.studyDate().to()));
            }
            b.where("s.study_instance_uid IN (SELECT m.study_instance_uid FROM study_modality m WHERE "
                    + modalities(b, q.modalitiesInStudy()) + dates + ")");
        }
        if (!q.bodyPartsExamined().isEmpty()) {
            b.where("s.study_instance_uid IN (SELECT se.study_instance_uid FROM imaging_series se WHERE"
                    + " se.body_part_examined IN (" + b.params(new ArrayList<>(q.bodyPartsExamined())) + "))");
        }
        if (q.accessionNumber() != null) {
            b.where("s.accession_number " + b.match(q.accessionNumber()));
        }
        if (q.studyId() != null) {
            b.where("s.study_id " + b.match(q.studyId()));
        }
        if (q.referringPhysicianName() != null) {
            String key = PersonNames.searchGroups(q.referringPhysicianName()).get(0);
            if (key != null) {
                b.where("s.referring_physician_search " + b.match(key));
            }
        }
    }

    private static void dateRange(Builder b, String column, StudyQuery q) {
        if (q.studyDate().from() != null) {
            b.where(column + " >= " + b.param(q.studyDate().from()));
        }
        if (q.studyDate().to() != null) {
            b.where(column + " <= " + b.param(q.studyDate().to()));
        }
    }

    /** PN key: a key with component groups matches group by group; otherwise any group may match. */
    private static String personName(Builder b, String key) {
        List<String> groups = PersonNames.searchGroups(key);
        String[] columns = NAME_GROUPS.stream().map(c -> "s." + c).toArray(String[]::new);
        List<String> conditions = new ArrayList<>();
        if (key.indexOf('=') >= 0) {
            for (int i = 0; i < 3; i++) {
                if (groups.get(i) != null) {
                    conditions.add(columns[i] + " " + b.match(groups.get(i)));
                }
            }
            return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
        }
        // A UNION of one index scan per group, not an OR: with an OR, PostgreSQL walks the result-order
        // index and filters every row (0.6 s for a rare name at a million studies, more per consent window).
        String k = groups.get(0) == null ? PersonNames.fold(key) : groups.get(0);
        for (String c : columns) {
            conditions.add("SELECT n.study_instance_uid FROM imaging_study n WHERE " + c.replace("s.", "n.") + " " + b.match(k));
        }
        return "s.study_instance_uid IN (" + String.join(" UNION ALL ", conditions) + ")";
    }

    private static String modalities(Builder b, List<String> values) {
        List<String> exact = values.stream().filter(v -> !StudyQuery.hasWildcard(v)).toList();
        List<String> conditions = new ArrayList<>();
        if (!exact.isEmpty()) {
            conditions.add("m.modality IN (" + b.params(new ArrayList<>(exact)) + ")");
        }
        values.stream().filter(StudyQuery::hasWildcard).forEach(v -> conditions.add("m.modality " + b.match(v)));
        return "(" + String.join(" OR ", conditions) + ")";
    }

    /** @return the LIKE pattern of a DICOM wildcard key, LIKE's own special characters escaped */
    static String likePattern(String key) {
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (char c : key.toCharArray()) {
            switch (c) {
                case '*' -> out.append('%');
                case '?' -> out.append('_');
                case '%', '_', '\\' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String escape(String literal) {
        return likePattern(literal.replace("*", "").replace("?", "")).toLowerCase(Locale.ROOT);
    }

    /** Collects conditions and positional parameters. */
    private static final class Builder {
        final List<Object> values;
        final List<String> conditions = new ArrayList<>();

        Builder() {
            this(new ArrayList<>());
        }

        private Builder(List<Object> values) {
            this.values = values;
        }

        /** @return a builder with conditions of its own that numbers its parameters after this one's */
        Builder branch() {
            return new Builder(values);
        }

        void where(String condition) {
            conditions.add(condition);
        }

        String param(Object value) {
            values.add(value);
            return "?" + values.size();
        }

        String params(List<?> list) {
            List<String> marks = new ArrayList<>(list.size());
            list.forEach(v -> marks.add(param(v)));
            return String.join(", ", marks);
        }

        /** {@code = ?} for a single value, {@code LIKE ? ESCAPE '\'} for a wildcard key. */
        String match(String key) {
            return StudyQuery.hasWildcard(key) ? "LIKE " + param(likePattern(key)) + " ESCAPE '\\'" : "= " + param(key);
        }

        String whereClause() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }
}
