package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.ca.issuance.CaKeyException;
import dev.hallmark.ca.issuance.Pkcs11Token;
import dev.hallmark.cli.trust.TrustDocuments;
import dev.hallmark.core.bundle.Bundle;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.SigningConfig;
import dev.hallmark.core.bundle.TrustedRoot;
import dev.hallmark.core.crypto.KeyParseException;
import dev.hallmark.core.crypto.PrivateKeys;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.crypto.UnsupportedKeyException;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.BundleVerifier;
import dev.hallmark.core.verify.CertificateIdentity;
import dev.hallmark.core.verify.StringMatcher;
import dev.hallmark.core.verify.VerificationException;
import dev.hallmark.core.verify.VerificationPolicy;
import dev.hallmark.core.verify.VerifiedBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one signing: resolves the identity (or managed key), the signing config and trusted root,
 * signs through {@link BundleSigner}, verifies the new bundle against the trusted root with
 * Hallmark's verifier (nothing that would not verify is written), and writes it. Exit codes: 0
 * written; 1 a service refused or the bundle does not verify; 2 wrong flags, unreadable files or
 * unusable trust documents.
 */
final class SignRunner {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What is signed. */
  interface Content {
    /** The artifact the bundle is verified for (for DSSE: an in-toto subject). */
    Artifact subject();

    /** Signs it. */
    Bundle sign(BundleSigner signer, SigningKey key, ServiceSelection services)
        throws ServiceException, UnsupportedKeyException;
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final SecureRandom random;
  private final ObjectMapper mapper = new ObjectMapper();

  SignRunner(PrintWriter out, PrintWriter err, Clock clock, SecureRandom random) {
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.random = random;
  }

  int run(SignSettings s, Content content) {
    try {
      return runChecked(s, content);
    } catch (UsageException e) {
      err.println("hallmark: " + e.getMessage().replace('\n', ' '));
      return 2;
    } catch (ServiceException e) {
      err.println("hallmark: signing failed: " + e.getMessage().replace('\n', ' '));
      return 1;
    } catch (VerificationException e) {
      err.println(
          "hallmark: signing failed: the new bundle does not verify: "
              + e.getMessage().replace('\n', ' '));
      return 1;
    }
  }

  private int runChecked(SignSettings s, Content content)
      throws UsageException, ServiceException, VerificationException {
    LocalServer local;
    TrustDocuments.Found configDoc;
    TrustDocuments.Found rootDoc;
    SigningConfig config;
    TrustedRoot root;
    try {
      local = LocalServer.in(s.dataDir(), mapper);
      TrustDocuments docs = new TrustDocuments(s.dataDir(), s.tufCache(), false);
      configDoc = docs.signingConfig(s.signingConfig());
      rootDoc = docs.trustedRoot(s.trustedRoot());
    } catch (IOException e) {
      throw new UsageException(oneLine(e), e);
    }
    try {
      config = SigningConfig.parse(configDoc.content());
    } catch (BundleFormatException e) {
      throw new UsageException(configDoc.source() + ": " + e.getMessage(), e);
    }
    BundleVerifier verifier;
    try {
      root = TrustedRoot.parse(rootDoc.content());
      verifier = new BundleVerifier(root);
    } catch (BundleFormatException | VerificationException e) {
      throw new UsageException(rootDoc.source() + ": " + e.getMessage(), e);
    }
    Path outDir = s.bundleOut().toAbsolutePath().getParent();
    if (!Files.isDirectory(outDir) || !Files.isWritable(outDir)) {
      // refused before anything is signed or logged
      throw new UsageException(
          "cannot write " + s.bundleOut() + ": no writable directory " + outDir);
    }
    ServiceSelection services;
    try {
      services = ServiceSelection.of(config, clock.instant(), s.rekorVersion());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (" + configDoc.source() + ")", e);
    }
    HttpClient client = httpClient(s, local, services.ca());
    ServiceHttp http = new ServiceHttp(client, TIMEOUT, mapper);
    SigningKey key = key(s, local, http);

    Bundle bundle;
    try {
      bundle = content.sign(new BundleSigner(http, random), key, services);
    } catch (UnsupportedKeyException e) {
      throw new UsageException("unusable key: " + e.getMessage(), e);
    }
    VerificationPolicy policy =
        key instanceof SigningKey.Managed
            ? VerificationPolicy.of(((SigningKey.Managed) key).signer().publicKey())
            : VerificationPolicy.of(
                new CertificateIdentity(
                    StringMatcher.regex(".*"),
                    StringMatcher.exact(((SigningKey.Keyless) key).token().issuer()),
                    Map.of()));
    VerifiedBundle verified = verifier.verify(bundle, content.subject(), policy);
    try {
      writeAtomically(s.bundleOut(), bundle.toJson());
    } catch (IOException e) {
      throw new UsageException("cannot write " + s.bundleOut() + ": " + oneLine(e), e);
    }
    report(s, bundle, verified, services);
    return 0;
  }

  private void report(
      SignSettings s, Bundle bundle, VerifiedBundle verified, ServiceSelection services) {
    long index = bundle.tlogEntries().get(0).logIndex();
    String signer =
        verified.signingCertificate() == null
            ? "managed key"
            : dev.hallmark.cli.verify.CertificateNames.san(verified.signingCertificate());
    if (s.json()) {
      ObjectNode o = mapper.createObjectNode();
      o.put("bundle", s.bundleOut().toString());
      o.put("signer", signer);
      o.put("rekorUrl", services.rekor().toString());
      o.put("rekorVersion", services.rekorVersion());
      o.put("logIndex", index);
      o.put("timestamps", bundle.rfc3161Timestamps().size());
      out.println(o);
    } else {
      out.println(
          "Wrote "
              + s.bundleOut()
              + " (signed by "
              + signer
              + "; Rekor v"
              + services.rekorVersion()
              + " entry "
              + index
              + " at "
              + services.rekor()
              + (bundle.rfc3161Timestamps().isEmpty() ? "" : "; RFC 3161 timestamp")
              + ")");
    }
    out.flush();
  }

  private HttpClient httpClient(SignSettings s, LocalServer local, URI ca) throws UsageException {
    HttpClient.Builder b =
        HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
    Optional<Path> tls =
        s.caTlsCert() != null ? Optional.of(s.caTlsCert()) : local.caTlsCertificateFor(ca);
    if (tls.isPresent()) {
      try {
        b.sslContext(TlsTrust.trusting(tls.get()));
      } catch (IOException e) {
        throw new UsageException(oneLine(e), e);
      }
    }
    return b.build();
  }

  private SigningKey key(SignSettings s, LocalServer local, ServiceHttp http)
      throws UsageException, ServiceException {
    if (s.key() != null) {
      if (s.identityToken() != null) {
        throw new UsageException("give either --key or --identity-token, not both");
      }
      return new SigningKey.Managed(
          Pkcs11KeyUri.looksLikeOne(s.key()) ? tokenSigner(s.key()) : fileSigner(Path.of(s.key())));
    }
    String jwt = s.identityToken();
    if (jwt == null) {
      String env = s.env().get("SIGSTORE_ID_TOKEN");
      jwt = env == null || env.isBlank() ? null : env;
    }
    if (jwt == null) {
      URI issuer =
          s.oidcIssuer() != null
              ? uri(s.oidcIssuer(), "--oidc-issuer")
              : local
                  .oidcIssuer()
                  .orElseThrow(
                      () ->
                          new UsageException(
                              "no identity token: give --identity-token or --key, set"
                                  + " SIGSTORE_ID_TOKEN, or run 'hallmark up' here for its"
                                  + " built-in OIDC issuer (or give --oidc-issuer URL)"));
      jwt = new LocalIssuer(http).token(issuer, s.email());
    }
    try {
      return new SigningKey.Keyless(IdToken.parse(jwt, mapper));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private Signer fileSigner(Path file) throws UsageException {
    try {
      KeyPair pair = PrivateKeys.readPkcs8Pem(Files.readString(file, StandardCharsets.US_ASCII));
      return Signers.create(pair, PublicKeys.defaultDetails(pair.getPublic()), random);
    } catch (IOException e) {
      throw new UsageException(oneLine(e), e);
    } catch (KeyParseException | UnsupportedKeyException e) {
      throw new UsageException(file + ": " + e.getMessage(), e);
    }
  }

  /** The key under the URI's label, on its token; it signs there and never leaves it. */
  private static Signer tokenSigner(String uri) throws UsageException {
    Pkcs11KeyUri key = Pkcs11KeyUri.parse(uri);
    try {
      Pkcs11Token token = Pkcs11Token.open(key.token());
      List<X509Certificate> chain = token.certificateChain(key.label());
      return token.signer(key.label(), PublicKeys.defaultDetails(chain.get(0).getPublicKey()));
    } catch (CaKeyException | UnsupportedKeyException e) {
      throw new UsageException("PKCS#11 key " + key.label() + ": " + e.getMessage(), e);
    }
  }

  private static URI uri(String text, String flag) throws UsageException {
    try {
      URI u = URI.create(text);
      if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new UsageException(flag + " " + text + ": " + e.getMessage(), e);
    }
  }

  static void writeAtomically(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".bundle", ".tmp");
    try {
      Files.write(tmp, content);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String oneLine(Exception e) {
    return dev.hallmark.cli.Main.oneLine(e);
  }
}
