package org.imagingexchange.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Metric names found in PromQL expressions of the kinds the chart's alert rules and dashboard use. */
class PromQlTest {

    @Test
    void metricNames_selectorWithMatchers_nameOnly() {
        assertEquals(Set.of("up"), PromQl.metricNames("up{namespace=\"ns\", job=~\"gateway|consent\"} == 0"));
    }

    @Test
    void metricNames_functionsAggregationsAndGrouping_skipped() {
        assertEquals(Set.of("retrieval_time_to_first_byte_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, source) (rate(retrieval_time_to_first_byte_seconds_bucket{ns=\"a\"}[5m]))) > 2"));
    }

    @Test
    void metricNames_binaryOperatorsAndKeywords_bothSides() {
        assertEquals(Set.of("registry_crawl_duration_seconds_count"), PromQl.metricNames(
                "sum by (source) (increase(registry_crawl_duration_seconds_count{outcome=\"failed\"}[2h])) > 0\n"
                        + "  unless sum by (source) (increase(registry_crawl_duration_seconds_count{outcome=\"ok\"}[2h])) > 0"));
        assertEquals(Set.of("a_total", "b_total"), PromQl.metricNames("a_total / on (pod) group_left (job) b_total offset 5m"));
    }

    @Test
    void metricNames_grafanaVariablesNumbersAndDurations_notNames() {
        assertEquals(Set.of("audit_outbox_backlog", "process_cpu_seconds_total"), PromQl.metricNames(
                "max by (pod) (audit_outbox_backlog{namespace=\"$namespace\", job=~\"$job\"}) * 1e3"
                        + " + rate(process_cpu_seconds_total[$__rate_interval])"));
    }

    @Test
    void metricNames_noSelector_empty() {
        assertEquals(Set.of(), PromQl.metricNames("(sum(vector(1)) or vector(0)) == 0"));
    }

    @Test
    void metricNames_labelValueLooksLikeMetric_notAName() {
        assertEquals(Set.of("consent_decisions_total"),
                PromQl.metricNames("rate(consent_decisions_total{reason=\"up{x}\", decision='DENY'}[5m])"));
    }
}
