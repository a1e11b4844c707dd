package dev.hallmark.server.tsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.Problem;
import dev.hallmark.tsa.ImprintAlgorithm;
import dev.hallmark.tsa.TimestampAuthority;
import dev.hallmark.tsa.TimestampRequest;
import dev.hallmark.tsa.TimestampRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The TSA's HTTP API, as Sigstore's {@code timestamp-authority}: {@code POST /api/v1/timestamp}
 * with a DER query ({@code application/timestamp-query}) or the JSON form sigstore-js sends, and
 * {@code GET /api/v1/timestamp/certchain}. Every answer and refusal is counted in {@code
 * hallmark.tsa.requests} by outcome.
 */
public final class TsaHttp {
  static final MediaType QUERY = MediaType.parse("application/timestamp-query");
  static final MediaType REPLY = MediaType.parse("application/timestamp-reply");
  static final MediaType PEM_CHAIN = MediaType.parse("application/pem-certificate-chain");

  /** Upstream's cap on the JSON form. */
  static final int MAX_JSON_BYTES = 1024;

  private static final Set<String> JSON_FIELDS =
      Set.of("artifactHash", "hashAlgorithm", "certificates", "nonce", "tsaPolicyOID");

  private final TimestampAuthority tsa;
  private final String chainPem;
  private final ObjectMapper mapper;
  private final Executor signers;
  private final MeterRegistry metrics;

  public TsaHttp(
      TimestampAuthority tsa,
      String chainPem,
      ObjectMapper mapper,
      Executor signers,
      MeterRegistry metrics) {
    this.tsa = tsa;
    this.chainPem = chainPem;
    this.mapper = mapper;
    this.signers = signers;
    this.metrics = metrics;
  }

  public void mount(VirtualHostBuilder host) {
    host.route()
        .post("/api/v1/timestamp")
        .build(
            (ctx, req) ->
                HttpResponse.of(req.aggregate().thenComposeAsync(this::timestamp, signers)));
    host.route()
        .get("/api/v1/timestamp/certchain")
        .build((ctx, req) -> HttpResponse.of(HttpStatus.OK, PEM_CHAIN, chainPem));
  }

  private CompletableFuture<HttpResponse> timestamp(AggregatedHttpRequest agg) {
    MediaType type = agg.contentType();
    try {
      TimestampRequest request;
      if (type != null && type.is(QUERY)) {
        request = TimestampRequest.fromDer(agg.content().array());
      } else if (type != null && type.is(MediaType.ANY_APPLICATION_TYPE)) {
        if (!type.isJson()) {
          throw new BadRequestException(
              "Content-Type must be application/timestamp-query or application/json, not " + type);
        }
        request = fromJson(agg.content().array());
      } else {
        count("unsupported-media-type");
        return CompletableFuture.completedFuture(
            new Problem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type",
                    "send application/timestamp-query (DER TimeStampReq) or application/json")
                .toResponse());
      }
      byte[] reply = tsa.timestamp(request);
      count("granted");
      return CompletableFuture.completedFuture(HttpResponse.of(HttpStatus.OK, REPLY, reply));
    } catch (TimestampRequestException e) {
      count("refused");
      throw new BadRequestException(e.getMessage());
    } catch (BadRequestException e) {
      count("refused");
      throw e;
    }
  }

  private void count(String outcome) {
    metrics.counter("hallmark.tsa.requests", "outcome", outcome).increment();
  }

  /**
   * {@code {"artifactHash": b64, "hashAlgorithm": "sha256", "certificates": bool, "nonce": int,
   * "tsaPolicyOID": "1.2.3"}}.
   */
  TimestampRequest fromJson(byte[] body) throws TimestampRequestException {
    if (body.length > MAX_JSON_BYTES) {
      throw new TimestampRequestException(
          "JSON timestamp request of " + body.length + " bytes exceeds " + MAX_JSON_BYTES);
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      throw new TimestampRequestException("request body is not JSON");
    }
    if (json == null || !json.isObject()) {
      throw new TimestampRequestException("request body must be a JSON object");
    }
    for (var field : json.properties()) {
      if (!JSON_FIELDS.contains(field.getKey())) {
        throw new TimestampRequestException(
            "unknown field \""
                + field.getKey()
                + "\"; known: "
                + new java.util.TreeSet<>(JSON_FIELDS));
      }
    }
    JsonNode hash = json.get("artifactHash");
    if (hash == null || !hash.isTextual()) {
      throw new TimestampRequestException("artifactHash (base64 digest) is required");
    }
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(hash.asText());
    } catch (IllegalArgumentException e) {
      throw new TimestampRequestException("artifactHash is not base64");
    }
    JsonNode alg = json.get("hashAlgorithm");
    if (alg != null && !alg.isTextual()) {
      throw new TimestampRequestException("hashAlgorithm must be a string");
    }
    ImprintAlgorithm algorithm =
        alg == null ? ImprintAlgorithm.SHA256 : ImprintAlgorithm.byName(alg.asText());
    JsonNode certs = json.get("certificates");
    if (certs != null && !certs.isBoolean()) {
      throw new TimestampRequestException("certificates must be true or false");
    }
    JsonNode nonce = json.get("nonce");
    if (nonce != null && !nonce.isIntegralNumber()) {
      throw new TimestampRequestException("nonce must be an integer");
    }
    JsonNode policy = json.get("tsaPolicyOID");
    if (policy != null && !policy.isTextual()) {
      throw new TimestampRequestException("tsaPolicyOID must be a string");
    }
    try {
      return new TimestampRequest(
          algorithm,
          digest,
          Optional.ofNullable(nonce).map(JsonNode::bigIntegerValue).map(BigInteger.class::cast),
          certs != null && certs.asBoolean(),
          Optional.ofNullable(policy).map(JsonNode::asText));
    } catch (IllegalArgumentException e) {
      throw new TimestampRequestException(e.getMessage(), e);
    }
  }
}
