package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.imagingexchange.kit.context.RequestContext;
import org.junit.jupiter.api.Test;

/** The audit filter with a streamed (AuditedTransfer) entity against plain ones. */
class AuditFilterTransferTest {

    /** A resource with one audited method. */
    static final class Resource {
        @Audited(BalpPattern.PATIENT_READ)
        public void retrieve() {
        }
    }

    /** A streamed entity that keeps the pending record it is given. */
    static final class Streamed implements AuditedTransfer {
        TransferAudit audit;

        @Override
        public void auditWith(TransferAudit pending) {
            audit = pending;
        }
    }

    private final List<AuditRecord> written = new ArrayList<>();

    private AuditFilter filter() throws NoSuchMethodException {
        AuditFilter filter = new AuditFilter();
        filter.serviceName = "retrieval-proxy";
        filter.requestContext = new RequestContext();
        filter.access = new AuditedAccess();
        filter.sink = written::add;
        java.lang.reflect.Method method = Resource.class.getMethod("retrieve");
        filter.resourceInfo = proxy(ResourceInfo.class, (name, args) -> switch (name) {
            case "getResourceMethod" -> method;
            case "getResourceClass" -> Resource.class;
            default -> null;
        });
        return filter;
    }

    private static ContainerRequestContext request() {
        UriInfo uri = proxy(UriInfo.class, (name, args) -> "getRequestUri".equals(name)
                ? URI.create("http://127.0.0.1/retrieval/dicomweb/studies/1.2.3") : null);
        return proxy(ContainerRequestContext.class, (name, args) -> switch (name) {
            case "getUriInfo" -> uri;
            case "getMethod" -> "GET";
            default -> null;
        });
    }

    private static ContainerResponseContext response(int status, Object entity) {
        return proxy(ContainerResponseContext.class, (name, args) -> switch (name) {
            case "getStatus" -> status;
            case "getEntity" -> entity;
            default -> null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName(), args));
    }

    @Test
    void filter_streamedEntity_nothingAtTheHeadOneRecordAtTheEnd() throws Exception {
        Streamed entity = new Streamed();

        filter().filter(request(), response(200, entity));

        assertEquals(List.of(), written, "no record when the response head goes out");
        assertNotNull(entity.audit, "the entity got the pending record");
        entity.audit.failed(AuditOutcome.SERIOUS_FAILURE, "source hospital-a broke off after 10 bytes sent");
        assertEquals(1, written.size(), "one record when the transfer ends");
        assertEquals(AuditOutcome.SERIOUS_FAILURE, written.get(0).outcome(), "with the transfer's real outcome");
        assertEquals(BalpPattern.PATIENT_READ, written.get(0).pattern());
    }

    @Test
    void filter_plainEntity_recordedAtOnce() throws Exception {
        filter().filter(request(), response(200, "{}"));

        assertEquals(1, written.size(), "a plain response is audited before its body is written");
        assertEquals(AuditOutcome.SUCCESS, written.get(0).outcome());
    }

    @Test
    void filter_errorStatus_recordedAtOnceEvenForAStreamedEntity() throws Exception {
        Streamed entity = new Streamed();

        filter().filter(request(), response(502, entity));

        assertEquals(1, written.size(), "an error answer has no transfer to wait for");
        assertEquals(AuditOutcome.SERIOUS_FAILURE, written.get(0).outcome());
    }
}
