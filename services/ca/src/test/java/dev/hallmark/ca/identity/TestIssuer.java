package dev.hallmark.ca.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OIDC issuer for tests: a loopback JDK HttpServer serving discovery and a JWKS that the
 * test can change (key rotation), counting JWKS fetches; tokens are signed with Nimbus.
 */
final class TestIssuer implements AutoCloseable {
  final HttpServer server;
  final String url;
  final AtomicInteger jwksFetches = new AtomicInteger();
  final AtomicInteger discoveryFetches = new AtomicInteger();
  private final List<JWK> published = new ArrayList<>();
  volatile String discoveryIssuer;
  volatile int discoveryStatus = 200;

  TestIssuer(String path) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
    discoveryIssuer = url;
    server.createContext(
        path + "/.well-known/openid-configuration",
        ex -> {
          discoveryFetches.incrementAndGet();
          String body =
              "{\"issuer\":\"" + discoveryIssuer + "\",\"jwks_uri\":\"" + url + "/jwks\"}";
          respond(ex, discoveryStatus, body);
        });
    server.createContext(
        path + "/jwks",
        ex -> {
          jwksFetches.incrementAndGet();
          String body;
          synchronized (published) {
            body = new JWKSet(published).toString(true);
          }
          respond(ex, 200, body);
        });
    server.start();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  void publish(JWK key) {
    synchronized (published) {
      published.add(key.toPublicJWK());
    }
  }

  static RSAKey rsa(String kid) throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(kid).generate();
  }

  static ECKey ec(Curve curve, String kid) throws JOSEException {
    return new ECKeyGenerator(curve).keyID(kid).generate();
  }

  /** Claims of a valid email token from this issuer at {@code nowSeconds}. */
  JWTClaimsSet.Builder emailClaims(long nowSeconds) {
    return new JWTClaimsSet.Builder()
        .issuer(url)
        .subject("user-123")
        .audience("sigstore")
        .issueTime(new java.util.Date(nowSeconds * 1000))
        .expirationTime(new java.util.Date((nowSeconds + 600) * 1000))
        .claim("email", "alice@example.com")
        .claim("email_verified", true);
  }

  static String sign(JWK key, JWTClaimsSet claims) throws JOSEException {
    JWSAlgorithm alg;
    JWSSigner signer;
    if (key instanceof RSAKey) {
      alg = JWSAlgorithm.RS256;
      signer = new RSASSASigner((RSAKey) key);
    } else {
      Curve c = ((ECKey) key).getCurve();
      alg =
          Curve.P_256.equals(c)
              ? JWSAlgorithm.ES256
              : Curve.P_384.equals(c) ? JWSAlgorithm.ES384 : JWSAlgorithm.ES512;
      signer = new ECDSASigner((ECKey) key);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  /** An Ed25519 key pair (JDK) and its public JWK. */
  static Map.Entry<KeyPair, OctetKeyPair> ed25519(String kid) throws GeneralSecurityException {
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] spki = kp.getPublic().getEncoded();
    byte[] x = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    return Map.entry(
        kp, new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(kid).build());
  }

  static String signEd25519(KeyPair kp, String kid, JWTClaimsSet claims)
      throws GeneralSecurityException {
    String header = Base64URL.encode("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}").toString();
    String payload = Base64URL.encode(claims.toString()).toString();
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(kp.getPrivate());
    s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + Base64URL.encode(s.sign());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
