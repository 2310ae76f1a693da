package org.imagingexchange.registry.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.hibernate.Session;

/**
 * Set-based writes on the connection of the caller's transaction (JDBC batches and chunked {@code IN}
 * lists), for the crawl's write path where one statement per row would dominate. Statements here bypass
 * the persistence context: callers flush entity changes the rows depend on first. Plain SQL that runs on
 * PostgreSQL and H2. Thread-safe (stateless).
 */
final class SqlBatch {

    /** Rows sent in one JDBC batch. */
    static final int BATCH_ROWS = 500;

    private SqlBatch() {
    }

    /**
     * Runs one statement per row as JDBC batches.
     *
     * @param em   the transaction's entity manager
     * @param sql  a statement with {@code ?} parameters
     * @param rows parameter values per row, in order; null, String, Integer, Long, Boolean, LocalDate or Instant
     * @return rows changed per statement, in order
     */
    static int[] update(EntityManager em, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            int[] counts = new int[rows.size()];
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
                    List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
                    for (Object[] row : chunk) {
                        bind(ps, row);
                        ps.addBatch();
                    }
                    int[] done = ps.executeBatch();
                    System.arraycopy(done, 0, counts, from, done.length);
                }
            }
            return counts;
        });
    }

    /**
     * Runs {@code prefix (?, ?, ...)} once per chunk of {@link JpaStudyIndex#IN_CHUNK} values.
     *
     * @param em     the transaction's entity manager
     * @param prefix a statement ending in {@code IN}, e.g. {@code DELETE FROM t WHERE id IN}
     * @param lead   parameters before the list (e.g. a source id), may be empty
     * @param values the list's values
     * @return rows changed in all
     */
    static int updateIn(EntityManager em, String prefix, List<Object> lead, Collection<?> values) {
        if (values.isEmpty()) {
            return 0;
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            int changed = 0;
            for (List<?> chunk : JpaStudyIndex.chunks(values)) {
                changed += updateChunk(c, prefix, lead, chunk);
            }
            return changed;
        });
    }

    private static int updateChunk(Connection c, String prefix, List<Object> lead, List<?> chunk) throws SQLException {
        String sql = prefix + " (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<Object> all = new ArrayList<>(lead);
            all.addAll(chunk);
            bind(ps, all.toArray());
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof String s) {
                ps.setString(i + 1, s);
            } else if (v instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
