package org.imagingexchange.registry.api;

/** Test access to the package-private {@link RegistrationReader} for the fuzz tests. */
public final class RegistrationFuzzing {

    private RegistrationFuzzing() {
    }

    /**
     * @param json   a request body
     * @param bundle true for {@code POST /fhir/Bundle}, false for {@code POST /fhir/ImagingStudy}
     */
    public static void read(String json, boolean bundle) {
        if (bundle) {
            RegistrationReader.bundle(json);
        } else {
            RegistrationReader.imagingStudy(json);
        }
    }
}
