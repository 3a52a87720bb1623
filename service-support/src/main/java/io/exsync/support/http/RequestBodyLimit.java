package io.exsync.support.http;

import io.exsync.support.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * SPEC §3: a body over 1 MiB is refused with 413 and a problem body, before anything reads it. Bodies sent
 * without a Content-Length are cut off by {@code quarkus.http.limits.max-body-size} (also 1 MiB).
 */
@ApplicationScoped
public class RequestBodyLimit {

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                String body = """
                        {"type":"https://exsync.io/problems/PayloadTooLarge","title":"Request Entity Too Large",\
                        "status":413,"detail":"The request body is larger than 1 MiB.","code":"PayloadTooLarge"}""";
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
