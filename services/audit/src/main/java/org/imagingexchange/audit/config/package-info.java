/** Configuration layer of the audit service: its one typed MP Config holder. */
package org.imagingexchange.audit.config;
