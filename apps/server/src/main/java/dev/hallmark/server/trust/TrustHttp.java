package dev.hallmark.server.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.JsonBodies;
import dev.hallmark.server.http.NotFoundException;
import dev.hallmark.server.http.Problem;
import dev.hallmark.trust.TrustException;
import dev.hallmark.trust.TrustRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * The TUF repository over HTTP: every published file at its repository path ({@code /1.root.json},
 * {@code /timestamp.json}, {@code /3.snapshot.json}, {@code /targets/<sha256>. trusted_root.json});
 * 404 for anything else (clients probe {@code N+1.root.json} until 404). Administration under
 * {@code /admin/} with {@code Authorization: Bearer <admin token>}.
 */
final class TrustHttp {
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

  private final TrustAdmin admin;
  private final byte[] token;
  private final ObjectMapper mapper;
  private final MeterRegistry metrics;

  TrustHttp(TrustAdmin admin, String token, ObjectMapper mapper, MeterRegistry metrics) {
    this.admin = admin;
    this.token = token.getBytes(StandardCharsets.US_ASCII);
    this.mapper = mapper;
    this.metrics = metrics;
  }

  void mount(VirtualHostBuilder host) {
    host.route().get("/admin/status").build((ctx, req) -> admin(ctx, req, this::status));
    host.route().post("/admin/rotate-root").build((ctx, req) -> admin(ctx, req, a -> rotate()));
    host.route().post("/admin/draft-root").build((ctx, req) -> admin(ctx, req, this::draft));
    host.route().post("/admin/import-root").build((ctx, req) -> admin(ctx, req, this::importRoot));
    host.route().get("prefix:/").build((ctx, req) -> file(ctx));
  }

  private HttpResponse file(ServiceRequestContext ctx) {
    String path = ctx.mappedPath().substring(1);
    if (!PATH.matcher(path).matches() || path.contains("..")) {
      return new Problem(HttpStatus.NOT_FOUND, "Not Found", "no such repository file").toResponse();
    }
    return HttpResponse.of(
        CompletableFuture.supplyAsync(
            () -> {
              try {
                byte[] content =
                    admin
                        .repository()
                        .file(path)
                        .orElseThrow(() -> new NotFoundException("no repository file " + path));
                metrics.counter("hallmark.trust.files.served").increment();
                return HttpResponse.of(
                    ResponseHeaders.builder(HttpStatus.OK)
                        .contentType(MediaType.JSON)
                        // timestamp.json changes; every other path is immutable
                        .add(
                            HttpHeaderNames.CACHE_CONTROL,
                            path.equals("timestamp.json") ? "no-cache" : "max-age=300")
                        .build(),
                    com.linecorp.armeria.common.HttpData.wrap(content));
              } catch (NotFoundException e) {
                throw e;
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            },
            ctx.blockingTaskExecutor()));
  }

  private interface AdminCall {
    Object call(AggregatedHttpRequest req) throws Exception;
  }

  private HttpResponse admin(ServiceRequestContext ctx, HttpRequest req, AdminCall call) {
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION, "");
    if (!auth.startsWith("Bearer ")
        || !MessageDigest.isEqual(
            auth.substring("Bearer ".length()).strip().getBytes(StandardCharsets.US_ASCII),
            token)) {
      metrics.counter("hallmark.trust.admin.refused").increment();
      return new Problem(
              HttpStatus.UNAUTHORIZED,
              "Unauthorized",
              "the trust service's admin API needs Authorization: Bearer <admin token>")
          .toResponse();
    }
    return HttpResponse.of(
        req.aggregate()
            .thenApplyAsync(
                agg -> {
                  try {
                    Object result = call.call(agg);
                    if (result instanceof byte[]) {
                      return HttpResponse.of(HttpStatus.OK, MediaType.JSON, (byte[]) result);
                    }
                    return HttpResponse.of(
                        HttpStatus.OK, MediaType.JSON, JsonBodies.bytes((ObjectNode) result));
                  } catch (TrustException e) {
                    throw new BadRequestException(e.getMessage());
                  } catch (RuntimeException e) {
                    throw e;
                  } catch (Exception e) {
                    throw new CompletionException(e);
                  }
                },
                ctx.blockingTaskExecutor()));
  }

  private ObjectNode status(AggregatedHttpRequest req) throws Exception {
    return json(admin.repository().status().orElseThrow(() -> new TrustException("no repository")));
  }

  private ObjectNode rotate() throws Exception {
    return json(admin.rotate());
  }

  /** {@code {"rootKeys": ["<PEM public key>", ...], "threshold": 1}} → the draft root JSON. */
  private byte[] draft(AggregatedHttpRequest req) throws Exception {
    JsonNode body = mapper.readTree(req.content().array());
    if (body == null || !body.path("rootKeys").isArray()) {
      throw new TrustException("body must be {\"rootKeys\": [PEM public keys], \"threshold\": n}");
    }
    List<String> keys = new ArrayList<>();
    body.get("rootKeys").forEach(k -> keys.add(k.asText()));
    return admin.draft(keys, body.path("threshold").asInt(1));
  }

  private ObjectNode importRoot(AggregatedHttpRequest req) throws Exception {
    return json(admin.importRoot(req.content().array()));
  }

  private ObjectNode json(TrustRepository.Status s) {
    ObjectNode o = mapper.createObjectNode();
    o.put("rootVersion", s.rootVersion());
    o.put("targetsVersion", s.targetsVersion());
    o.put("snapshotVersion", s.snapshotVersion());
    o.put("timestampVersion", s.timestampVersion());
    o.put("rootExpires", s.rootExpires().toString());
    o.put("timestampExpires", s.timestampExpires().toString());
    s.targets().forEach(o.putArray("targets")::add);
    return o;
  }
}
