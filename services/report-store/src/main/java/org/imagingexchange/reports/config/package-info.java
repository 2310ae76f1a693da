/** Configuration of the report store (MP Config keys {@code exchange.reports.*}). */
package org.imagingexchange.reports.config;
