/** Configuration layer of the consent service: the typed holder of its MP Config values. */
package org.imagingexchange.consent.config;
