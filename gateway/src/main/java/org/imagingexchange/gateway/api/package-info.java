/** API layer of the gateway: the proxying servlet, the problem writer for servlets and the request metrics. */
package org.imagingexchange.gateway.api;
