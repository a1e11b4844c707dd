package dev.hallmark.server.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.VirtualHostBuilder;
import com.nimbusds.jose.jwk.JWKSet;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.OpenApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in issuer over HTTP: {@code GET /.well-known/openid-configuration}, {@code GET /jwks}
 * and {@code POST /token}. Thin: parse, call {@link TokenIssuer}, render; errors go to the server's
 * problem handler.
 */
public final class OidcIssuerHttp {
  private static final Logger log = LoggerFactory.getLogger(OidcIssuerHttp.class);
  private static final MediaType FORM = MediaType.FORM_DATA;

  private final TokenIssuer issuer;
  private final ObjectMapper mapper;
  private final Executor workers;
  private final Counter issued;
  private final byte[] discovery;
  private final byte[] jwks;

  /**
   * @param workers where tokens are signed, off the event loop
   * @param metrics where {@code hallmark.oidc.tokens.issued} is counted
   */
  public OidcIssuerHttp(
      TokenIssuer issuer, ObjectMapper mapper, Executor workers, MeterRegistry metrics) {
    this.issuer = issuer;
    this.mapper = mapper;
    this.workers = workers;
    this.issued =
        Counter.builder("hallmark.oidc.tokens.issued")
            .description("ID tokens minted by the built-in OIDC issuer")
            .register(metrics);
    this.discovery = discoveryDocument().toString().getBytes(StandardCharsets.UTF_8);
    this.jwks =
        new JWKSet(issuer.key().publicJwk()).toString(true).getBytes(StandardCharsets.UTF_8);
  }

  /** Mounts the routes and the OpenAPI document on {@code host}. */
  public void mount(VirtualHostBuilder host) {
    host.route()
        .get("/.well-known/openid-configuration")
        .build((ctx, req) -> json(HttpStatus.OK, discovery, "max-age=300"));
    host.route().get("/jwks").build((ctx, req) -> json(HttpStatus.OK, jwks, "max-age=300"));
    host.route().post("/token").build((ctx, req) -> token(req));
    OpenApi.mount(host, "oidc-issuer.json");
  }

  private ObjectNode discoveryDocument() {
    String base = issuer.issuer();
    ObjectNode doc = mapper.createObjectNode();
    doc.put("issuer", base);
    doc.put("jwks_uri", base + "/jwks");
    doc.put("token_endpoint", base + "/token");
    doc.putArray("id_token_signing_alg_values_supported").add(issuer.key().algorithm().getName());
    doc.putArray("response_types_supported").add("id_token");
    doc.putArray("subject_types_supported").add("public");
    doc.putArray("grant_types_supported").add("client_credentials");
    doc.putArray("token_endpoint_auth_methods_supported").add("none");
    ArrayNode claims = doc.putArray("claims_supported");
    for (String c :
        new String[] {"iss", "sub", "aud", "exp", "iat", "nbf", "jti", "email", "email_verified"}) {
      claims.add(c);
    }
    return doc;
  }

  private HttpResponse token(HttpRequest req) {
    MediaType type = req.headers().contentType();
    boolean json = type != null && type.isJson();
    if (!json && (type == null || !type.is(FORM))) {
      throw new BadRequestException(
          "content-type must be application/x-www-form-urlencoded or application/json");
    }
    CompletableFuture<HttpResponse> response =
        req.aggregate()
            .thenApplyAsync(
                agg -> {
                  TokenRequest request = TokenRequest.parse(agg.content().array(), json, mapper);
                  TokenIssuer.IssuedToken token = issuer.issue(request);
                  issued.increment();
                  log.info(
                      "issued an ID token for {} (sub {}, aud {}, jti {})",
                      request.email(),
                      request.subject(),
                      request.audience(),
                      token.jti());
                  ObjectNode body = mapper.createObjectNode();
                  body.put("access_token", token.jwt());
                  body.put("id_token", token.jwt());
                  body.put("token_type", "Bearer");
                  body.put("expires_in", token.expiresIn());
                  return json(
                      HttpStatus.OK, body.toString().getBytes(StandardCharsets.UTF_8), "no-store");
                },
                workers);
    return HttpResponse.of(response);
  }

  private static HttpResponse json(HttpStatus status, byte[] body, String cacheControl) {
    return HttpResponse.of(
        ResponseHeaders.builder(status)
            .contentType(MediaType.JSON_UTF_8)
            .add("cache-control", cacheControl)
            .build(),
        HttpData.wrap(body));
  }
}
