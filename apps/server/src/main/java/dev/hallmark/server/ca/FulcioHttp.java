package dev.hallmark.server.ca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.ca.CertificateAuthority;
import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.ca.identity.TokenException;
import dev.hallmark.ca.issuance.IssuedCertificate;
import dev.hallmark.ca.issuance.TrustBundle;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.server.http.BadRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Fulcio v2 over REST: {@code POST /api/v2/signingCert}, {@code GET /api/v2/trustBundle}, {@code
 * GET /api/v2/configuration}. Thin: parse the request, call the CA, render the chain.
 */
public final class FulcioHttp {
  private final CertificateAuthority ca;
  private final TrustBundle trustBundle;
  private final List<OidcIssuerConfig> issuers;
  private final ObjectMapper mapper;
  private final Executor workers;
  private final MeterRegistry metrics;

  public FulcioHttp(
      CertificateAuthority ca,
      TrustBundle trustBundle,
      List<OidcIssuerConfig> issuers,
      ObjectMapper mapper,
      Executor workers,
      MeterRegistry metrics) {
    this.ca = ca;
    this.trustBundle = trustBundle;
    this.issuers = List.copyOf(issuers);
    this.mapper = mapper;
    this.workers = workers;
    this.metrics = metrics;
  }

  public void mount(VirtualHostBuilder host) {
    host.route().post("/api/v2/signingCert").build((ctx, req) -> signingCert(ctx, req));
    host.route().get("/api/v2/trustBundle").build((ctx, req) -> trustBundle());
    host.route().get("/api/v2/configuration").build((ctx, req) -> configuration());
  }

  private HttpResponse signingCert(ServiceRequestContext ctx, HttpRequest req) {
    String bearer = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    CompletableFuture<HttpResponse> response =
        req.aggregate().thenApplyAsync(agg -> issue(agg, bearer), workers);
    return HttpResponse.of(response);
  }

  private HttpResponse issue(AggregatedHttpRequest agg, String bearer) {
    try {
      JsonNode body;
      try {
        body = mapper.readTree(agg.content().array());
      } catch (java.io.IOException e) {
        throw new BadRequestException("request body is not valid JSON");
      }
      if (body == null || !body.isObject()) {
        throw new BadRequestException("request body must be a JSON object");
      }
      String token = text(body.path("credentials"), "oidcIdentityToken");
      if (token == null && bearer != null && bearer.regionMatches(true, 0, "Bearer ", 0, 7)) {
        token = bearer.substring(7).trim();
      }
      if (token == null || token.isEmpty()) {
        throw new TokenException(
            TokenException.Reason.MALFORMED,
            "no OIDC identity token (credentials.oidcIdentityToken or Authorization: Bearer)");
      }
      IssuedCertificate issued;
      JsonNode keyRequest = body.get("publicKeyRequest");
      String csr = text(body, "certificateSigningRequest");
      if (keyRequest != null && csr == null) {
        String content = text(keyRequest.path("publicKey"), "content");
        String pop = text(keyRequest, "proofOfPossession");
        if (content == null || pop == null) {
          throw new BadRequestException(
              "publicKeyRequest needs publicKey.content and proofOfPossession");
        }
        issued = ca.issue(token, spki(content), decode(pop, "proofOfPossession"));
      } else if (csr != null && keyRequest == null) {
        String pem =
            new String(decode(csr, "certificateSigningRequest"), StandardCharsets.US_ASCII);
        byte[] der;
        try {
          der = PublicKeys.parsePemBlocks(pem, "CERTIFICATE REQUEST").get(0);
        } catch (KeyParseException | RuntimeException e) {
          throw new BadRequestException("certificateSigningRequest is not a PEM CSR");
        }
        issued = ca.issueForCsr(token, der);
      } else {
        throw new BadRequestException(
            "give exactly one of publicKeyRequest and certificateSigningRequest");
      }
      metrics.counter("hallmark_ca_certificates_issued_total").increment();
      ObjectNode out = mapper.createObjectNode();
      ArrayNode certs =
          out.putObject("signedCertificateEmbeddedSct").putObject("chain").putArray("certificates");
      issued.pemChain().forEach(certs::add);
      return HttpResponse.of(
          ResponseHeaders.builder(HttpStatus.CREATED).contentType(MediaType.JSON).build(),
          HttpData.ofUtf8(out.toString()));
    } catch (TokenException e) {
      metrics.counter("hallmark_ca_refusals_total", "reason", e.reason().tag()).increment();
      throw new CompletionException(e);
    } catch (BadRequestException e) {
      metrics.counter("hallmark_ca_refusals_total", "reason", "bad_request").increment();
      throw e;
    } catch (Exception e) {
      metrics
          .counter("hallmark_ca_refusals_total", "reason", e.getClass().getSimpleName())
          .increment();
      throw new CompletionException(e);
    }
  }

  /** A public key given as PEM, or as base64 DER SPKI. */
  private static byte[] spki(String content) {
    if (content.contains("-----BEGIN")) {
      try {
        return PublicKeys.parsePemBlocks(content, "PUBLIC KEY").get(0);
      } catch (KeyParseException | RuntimeException e) {
        throw new BadRequestException("publicKey.content is not a PEM public key");
      }
    }
    return decode(content, "publicKey.content");
  }

  private static byte[] decode(String b64, String name) {
    try {
      return Base64.getMimeDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name + " is not base64");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || !v.isTextual() ? null : v.textValue();
  }

  private HttpResponse trustBundle() {
    ObjectNode out = mapper.createObjectNode();
    ArrayNode chains = out.putArray("chains");
    for (List<String> chain : trustBundle.pemChains()) {
      ArrayNode certs = chains.addObject().putArray("certificates");
      chain.forEach(certs::add);
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, HttpData.ofUtf8(out.toString()));
  }

  private HttpResponse configuration() {
    ObjectNode out = mapper.createObjectNode();
    ArrayNode list = out.putArray("issuers");
    for (OidcIssuerConfig issuer : issuers) {
      ObjectNode o = list.addObject();
      o.put(issuer.wildcard() ? "wildcardIssuerUrl" : "issuerUrl", issuer.issuerUrl());
      o.put("audience", issuer.clientId());
      o.put("challengeClaim", issuer.challengeClaim());
      o.put("issuerType", issuer.type().configName());
      if (issuer.subjectDomain() != null) {
        o.put("subjectDomain", issuer.subjectDomain());
      }
      if (issuer.spiffeTrustDomain() != null) {
        o.put("spiffeTrustDomain", issuer.spiffeTrustDomain());
      }
      o.put("skipEmailVerification", issuer.skipEmailVerification());
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, HttpData.ofUtf8(out.toString()));
  }
}
