package dev.hallmark.server.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The client trust documents describing this server's services (spec §9, §10): {@code
 * trusted_root.json} in the media type sigstore-java 2.0.0 accepts, listing the Rekor logs, the CA
 * chain, the CT log and the TSA chain; and {@code signing_config.v0.2.json} with the service URLs
 * (ANY selectors, Rekor and TSA configs present, as sigstore-java requires). Written to the data
 * directory on every start so a client can be pointed at them at once; the TUF repository publishes
 * the same documents.
 */
public final class TrustRootDocuments {
  /** The trusted-root media type sigstore-java 2.0.0 accepts (spec §9). */
  public static final String TRUSTED_ROOT_MEDIA_TYPE =
      "application/vnd.dev.sigstore.trustedroot+json;version=0.1";

  public static final String SIGNING_CONFIG_MEDIA_TYPE =
      "application/vnd.dev.sigstore.signingconfig.v0.2+json";

  public static final String TRUSTED_ROOT_FILE = "trusted_root.json";
  public static final String SIGNING_CONFIG_FILE = "signing_config.v0.2.json";

  /**
   * A transparency or CT log as the trust root lists it.
   *
   * @param keyDetails e.g. {@code PKIX_ECDSA_P256_SHA_256}, {@code PKIX_ED25519}
   * @param logId SHA-256 of the SPKI (v1, CT) or the C2SP checkpoint key ID (v2)
   * @param majorApiVersion 1 for Rekor v1 and CT, 2 for Rekor v2
   */
  public record Log(
      String baseUrl, PublicKey key, String keyDetails, byte[] logId, int majorApiVersion) {
    public Log {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyDetails, "keyDetails");
      logId = logId.clone();
    }
  }

  /**
   * A CA or TSA: its URL (for a TSA the full timestamp URL) and chain (CA: intermediate… root; TSA:
   * timestamping certificate… root).
   */
  public record Authority(String url, List<X509Certificate> chain) {
    public Authority {
      Objects.requireNonNull(url, "url");
      chain = List.copyOf(chain);
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("an authority needs its certificate chain");
      }
    }
  }

  /** Everything the documents describe. {@code validFrom}: start of every validity window. */
  public record Services(
      List<Log> tlogs,
      Authority ca,
      List<Log> ctlogs,
      Optional<Authority> tsa,
      Optional<String> oidcUrl,
      String operator,
      Instant validFrom) {}

  private final ObjectMapper mapper;

  public TrustRootDocuments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** {@code trusted_root.json}. */
  public ObjectNode trustedRoot(Services s) throws CertificateEncodingException {
    ObjectNode root = mapper.createObjectNode();
    root.put("mediaType", TRUSTED_ROOT_MEDIA_TYPE);
    ArrayNode tlogs = root.putArray("tlogs");
    for (Log l : s.tlogs()) {
      log(tlogs.addObject(), l, s.validFrom());
    }
    authority(root.putArray("certificateAuthorities").addObject(), s.ca(), s.validFrom());
    ArrayNode ctlogs = root.putArray("ctlogs");
    for (Log l : s.ctlogs()) {
      log(ctlogs.addObject(), l, s.validFrom());
    }
    ArrayNode tsas = root.putArray("timestampAuthorities");
    if (s.tsa().isPresent()) {
      authority(tsas.addObject(), s.tsa().get(), s.validFrom());
    }
    return root;
  }

  /**
   * {@code signing_config.v0.2.json}: the newest API version first (sigstore-js takes the first of
   * equal starts; sigstore-java the highest version it supports).
   */
  public ObjectNode signingConfig(Services s) {
    ObjectNode sc = mapper.createObjectNode();
    sc.put("mediaType", SIGNING_CONFIG_MEDIA_TYPE);
    service(sc.putArray("caUrls"), s.ca().url(), 1, s);
    ArrayNode oidc = sc.putArray("oidcUrls");
    s.oidcUrl().ifPresent(url -> service(oidc, url, 1, s));
    ArrayNode rekor = sc.putArray("rekorTlogUrls");
    s.tlogs().stream()
        .sorted((a, b) -> Integer.compare(b.majorApiVersion(), a.majorApiVersion()))
        .forEach(l -> service(rekor, l.baseUrl(), l.majorApiVersion(), s));
    sc.putObject("rekorTlogConfig").put("selector", "ANY");
    ArrayNode tsa = sc.putArray("tsaUrls");
    s.tsa().ifPresent(t -> service(tsa, t.url(), 1, s));
    sc.putObject("tsaConfig").put("selector", "ANY");
    return sc;
  }

  /**
   * Writes both documents into {@code dir}, each atomically.
   *
   * @return the bytes written, by file name (what the TUF repository publishes as targets)
   */
  public java.util.Map<String, byte[]> write(Path dir, Services s) throws IOException {
    byte[] root;
    try {
      root = writeJson(dir.resolve(TRUSTED_ROOT_FILE), trustedRoot(s));
    } catch (CertificateEncodingException e) {
      throw new IOException("a certificate of the trust root cannot be encoded", e);
    }
    byte[] config = writeJson(dir.resolve(SIGNING_CONFIG_FILE), signingConfig(s));
    return java.util.Map.of(TRUSTED_ROOT_FILE, root, SIGNING_CONFIG_FILE, config);
  }

  private byte[] writeJson(Path file, ObjectNode json) throws IOException {
    byte[] bytes =
        (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    dev.hallmark.core.crypto.KeyFiles.write(file, bytes, false);
    return bytes;
  }

  private static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  private static void log(ObjectNode t, Log l, Instant validFrom) {
    Base64.Encoder b64 = Base64.getEncoder();
    t.put("baseUrl", l.baseUrl());
    t.put("hashAlgorithm", "SHA2_256");
    ObjectNode pk = t.putObject("publicKey");
    pk.put("rawBytes", b64.encodeToString(l.key().getEncoded()));
    pk.put("keyDetails", l.keyDetails());
    pk.putObject("validFor").put("start", time(validFrom));
    t.putObject("logId").put("keyId", b64.encodeToString(l.logId()));
  }

  private static void authority(ObjectNode c, Authority a, Instant validFrom)
      throws CertificateEncodingException {
    X500Principal anchor = a.chain().get(a.chain().size() - 1).getSubjectX500Principal();
    X500Name subject = X500Name.getInstance(anchor.getEncoded());
    ObjectNode s = c.putObject("subject");
    s.put("organization", rdn(subject, BCStyle.O));
    s.put("commonName", rdn(subject, BCStyle.CN));
    c.put("uri", a.url());
    ArrayNode certs = c.putObject("certChain").putArray("certificates");
    for (X509Certificate cert : a.chain()) {
      certs.addObject().put("rawBytes", Base64.getEncoder().encodeToString(cert.getEncoded()));
    }
    c.putObject("validFor").put("start", time(validFrom));
  }

  private static String rdn(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  private static void service(ArrayNode list, String url, int version, Services s) {
    ObjectNode o = list.addObject();
    o.put("url", url);
    o.put("majorApiVersion", version);
    o.putObject("validFor").put("start", time(s.validFrom()));
    o.put("operator", s.operator());
  }

  /** The operator of a set of URLs: the host of {@code url} (a scheme-less URI). */
  public static String operatorOf(String url) {
    return URI.create(url).getHost();
  }
}
