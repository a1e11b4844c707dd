package dev.hallmark.ca.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import dev.hallmark.ca.identity.internal.HttpFetch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches issuer keys by OIDC discovery: {@code <iss>/.well-known/openid-configuration}, whose
 * {@code issuer} must equal {@code iss}, then its {@code jwks_uri}. URLs must be https (plain http
 * only to loopback). Keys are cached per issuer for {@link Limits#cacheTtl()}; a refresh requested
 * for an unknown {@code kid} is honoured at most once per {@link Limits#minRefreshInterval()} per
 * issuer, and a failed refetch keeps serving the keys already known. Thread-safe; one fetch per
 * issuer at a time.
 */
public final class HttpJwksSource implements JwksSource {
  private static final Logger log = LoggerFactory.getLogger(HttpJwksSource.class);

  /**
   * Bounds on fetching and caching.
   *
   * @param timeout per HTTP request
   * @param maxBytes largest discovery or JWKS document accepted
   * @param cacheTtl how long keys are used before they are fetched again
   * @param minRefreshInterval least time between two fetches for one issuer on unknown kids
   * @param maxIssuers issuers cached at once (wildcard issuers can be many); least recently used go
   */
  public record Limits(
      Duration timeout,
      int maxBytes,
      Duration cacheTtl,
      Duration minRefreshInterval,
      int maxIssuers) {
    /** Checks that every bound is positive. */
    public Limits {
      if (timeout.isNegative()
          || timeout.isZero()
          || maxBytes <= 0
          || cacheTtl.isNegative()
          || minRefreshInterval.isNegative()
          || maxIssuers <= 0) {
        throw new IllegalArgumentException("JWKS limits must be positive");
      }
    }

    /** 10 s timeout, 512 KiB documents, 1 h cache, a refresh per 30 s, 1000 issuers. */
    public static Limits defaults() {
      return new Limits(
          Duration.ofSeconds(10), 512 * 1024, Duration.ofHours(1), Duration.ofSeconds(30), 1000);
    }
  }

  private static final class Entry {
    JWKSet keys;
    Instant fetched;
    Instant attempted;
  }

  private final HttpFetch fetch;
  private final Clock clock;
  private final Limits limits;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Entry> cache;

  /** A source with {@link Limits#defaults()}. */
  public HttpJwksSource(HttpClient client, Clock clock) {
    this(client, clock, Limits.defaults());
  }

  /** A source using {@code client} for every request and {@code clock} for cache ages. */
  public HttpJwksSource(HttpClient client, Clock clock, Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.fetch =
        new HttpFetch(
            Objects.requireNonNull(client, "client"), limits.timeout(), limits.maxBytes());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > limits.maxIssuers();
          }
        };
  }

  @Override
  public JWKSet keys(String issuer, boolean refresh) throws JwksException {
    Entry entry;
    synchronized (cache) {
      entry = cache.computeIfAbsent(issuer, k -> new Entry());
    }
    synchronized (entry) {
      Instant now = clock.instant();
      if (entry.keys != null) {
        boolean fresh = now.isBefore(entry.fetched.plus(limits.cacheTtl()));
        boolean recentlyTried = now.isBefore(entry.attempted.plus(limits.minRefreshInterval()));
        if ((fresh && !refresh) || recentlyTried) {
          return entry.keys;
        }
      }
      entry.attempted = now;
      try {
        entry.keys = fetchKeys(issuer);
        entry.fetched = now;
        log.info("fetched {} keys of issuer {}", entry.keys.size(), issuer);
      } catch (JwksException e) {
        if (entry.keys == null) {
          throw e;
        }
        log.warn(
            "refetching keys of {} failed, keeping the known ones: {}", issuer, e.getMessage());
      }
      return entry.keys;
    }
  }

  private JWKSet fetchKeys(String issuer) throws JwksException {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    URI discovery = HttpFetch.checkUrl(base + "/.well-known/openid-configuration");
    JsonNode doc;
    try {
      doc = json.readTree(fetch.get(discovery));
    } catch (IOException e) {
      throw new JwksException("discovery document of " + issuer + " is not JSON", e);
    }
    if (doc == null || !doc.isObject()) {
      throw new JwksException("discovery document of " + issuer + " is not a JSON object");
    }
    JsonNode docIssuer = doc.get("issuer");
    if (docIssuer == null || !issuer.equals(docIssuer.asText(null))) {
      throw new JwksException(
          "discovery document names issuer " + docIssuer + ", expected \"" + issuer + "\"");
    }
    JsonNode jwksUri = doc.get("jwks_uri");
    if (jwksUri == null || !jwksUri.isTextual()) {
      throw new JwksException("discovery document of " + issuer + " has no jwks_uri");
    }
    String body = fetch.get(HttpFetch.checkUrl(jwksUri.asText()));
    try {
      return JWKSet.parse(body).toPublicJWKSet();
    } catch (ParseException | RuntimeException e) {
      throw new JwksException("JWKS of " + issuer + " is malformed: " + e.getMessage(), e);
    }
  }
}
