package org.imagingexchange.registry.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One study with all its series and instances as a source holds it now (eHN data set B); the unit a
 * crawl, a C-STORE or a MADO registration hands to the index. Counts, modalities, SOP classes and body
 * parts are derived here.
 *
 * @param study  study level with derived counts
 * @param series the series, each with its instances
 */
public record StudyManifest(Study study, List<SeriesManifest> series) {

    /** Compact constructor: copies the list. */
    public StudyManifest {
        series = List.copyOf(series);
    }

    /**
     * Builds a manifest, counting series and instances (eHN B.1.1 "derived by counting").
     *
     * @param header    study attributes from the source (its counts are ignored)
     * @param series    the series with their instances
     * @param custodian custodian organisation id (eHN B.1.3)
     * @return the manifest; never null
     */
    public static StudyManifest of(Study header, List<SeriesManifest> series, String custodian) {
        List<SeriesManifest> counted = series.stream()
                .map(s -> new SeriesManifest(s.series().withNumberOfInstances(s.instances().size()), s.instances()))
                .toList();
        int instances = counted.stream().mapToInt(s -> s.instances().size()).sum();
        LinkedHashSet<String> sopClasses = new LinkedHashSet<>();
        counted.forEach(s -> s.instances().stream().map(Instance::sopClassUid).filter(Objects::nonNull)
                .forEach(sopClasses::add));
        Study study = header.derivedFrom(counted.stream().map(SeriesManifest::series).toList(),
                List.copyOf(sopClasses), instances, custodian);
        return new StudyManifest(study, counted);
    }

    /**
     * A series with its instances.
     *
     * @param series    series level (eHN B.1.4)
     * @param instances its instances (eHN B.1.4.7)
     */
    public record SeriesManifest(Series series, List<Instance> instances) {

        /** Compact constructor: copies the list. */
        public SeriesManifest {
            instances = List.copyOf(instances);
        }
    }
}
