package dev.hallmark.server.ops;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.VirtualHostBuilder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * Liveness ({@code /healthz}), readiness ({@code /readyz}) and Prometheus metrics ({@code
 * /metrics}), mounted on every service's port.
 */
public final class OpsHttp {
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier healthy;
  private final BooleanSupplier ready;

  public OpsHttp(PrometheusMeterRegistry registry, BooleanSupplier healthy, BooleanSupplier ready) {
    this.registry = registry;
    this.healthy = healthy;
    this.ready = ready;
  }

  public void mount(VirtualHostBuilder host) {
    host.route().get("/healthz").build((ctx, req) -> status(healthy.getAsBoolean()));
    host.route().get("/readyz").build((ctx, req) -> status(ready.getAsBoolean()));
    host.route()
        .get("/metrics")
        .build(
            (ctx, req) ->
                HttpResponse.of(
                    HttpStatus.OK,
                    MediaType.parse("text/plain; version=0.0.4; charset=utf-8"),
                    registry.scrape()));
  }

  private static HttpResponse status(boolean ok) {
    return ok
        ? HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, "ok\n")
        : HttpResponse.of(
            HttpStatus.SERVICE_UNAVAILABLE, MediaType.PLAIN_TEXT_UTF_8, "not ready\n");
  }
}
