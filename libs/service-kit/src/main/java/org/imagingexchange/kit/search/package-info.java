/**
 * Shared validation of the common search parameters of every search (FHIR {@code _count}, {@code _offset};
 * QIDO-RS {@code limit}, {@code offset}; unknown and repeated parameters): one rule, one error.
 */
package org.imagingexchange.kit.search;
