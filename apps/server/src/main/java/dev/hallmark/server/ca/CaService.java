package dev.hallmark.server.ca;

import com.linecorp.armeria.common.TlsKeyPair;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.ca.CertificateAuthority;
import dev.hallmark.ca.identity.HttpJwksSource;
import dev.hallmark.ca.identity.IssuerType;
import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.ca.identity.TokenVerifier;
import dev.hallmark.ca.issuance.CaChain;
import dev.hallmark.ca.issuance.CaChainException;
import dev.hallmark.ca.issuance.CaKeyException;
import dev.hallmark.ca.issuance.CaNames;
import dev.hallmark.ca.issuance.CertificateProfile;
import dev.hallmark.ca.issuance.Issuer;
import dev.hallmark.ca.issuance.SctUnavailableException;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.ct.TrustedCtLog;
import dev.hallmark.ctlog.CtChainException;
import dev.hallmark.ctlog.CtLog;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.http.OpenApi;
import dev.hallmark.server.keys.NoteKeyFiles;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The CA: its key and chain (loaded from {@code ca.dir}, or generated there on first start), the
 * OIDC issuers it trusts ({@code ca.issuers.file}, plus the built-in issuer when it runs), the CT
 * log it gets SCTs from, and Fulcio's gRPC and REST APIs on its own port (TLS: {@link CaTls}).
 */
public final class CaService {
  private CaService() {}

  /**
   * The CA's key and chain: on the PKCS#11 token under {@code ca.pkcs11.label} when that is set
   * (generated inside the token on first start), else the files in {@code ca.dir}.
   */
  public static CaChain chain(Wiring w, Clock clock) throws ConfigException, IOException {
    CaChain chain = loadChain(w, clock);
    StringBuilder pem = new StringBuilder();
    try {
      for (X509Certificate c : chain.certChain()) {
        pem.append(PublicKeys.pem("CERTIFICATE", c.getEncoded()));
      }
    } catch (CertificateEncodingException e) {
      throw new ConfigException("CA chain cannot be encoded: " + e.getMessage());
    }
    // the public chain, for verifiers and trust roots, wherever the key lives
    NoteKeyFiles.writePublic(w.dataDir().resolve(PUBLIC_CHAIN_FILE), pem.toString());
    return chain;
  }

  /** The CA's certificate chain (intermediate… root) as PEM, in the data directory. */
  public static final String PUBLIC_CHAIN_FILE = "ca-chain.pem";

  private static CaChain loadChain(Wiring w, Clock clock) throws ConfigException {
    Optional<String> label = w.tokens().label(ConfigKeys.CA_PKCS11_LABEL);
    if (label.isPresent()) {
      try {
        return CaChain.loadOrGenerate(
            w.tokens().token(),
            label.get(),
            new CaNames("Hallmark", "Hallmark CA"),
            clock,
            w.random());
      } catch (CaChainException | CaKeyException e) {
        throw new ConfigException(
            "cannot load or create the CA on the PKCS#11 token under "
                + label.get()
                + ": "
                + e.getMessage());
      }
    }
    Path dir =
        w.config().optional(ConfigKeys.CA_DIR).map(Path::of).orElse(w.dataDir().resolve("ca"));
    try {
      return CaChain.loadOrGenerate(dir, new CaNames("Hallmark", "Hallmark CA"), clock, w.random());
    } catch (CaChainException | CaKeyException e) {
      throw new ConfigException("cannot load or create the CA in " + dir + ": " + e.getMessage());
    }
  }

  /** Starts the CA's gRPC and REST APIs; returns its base URL. */
  public static String start(
      Wiring w, CaChain chain, CtLog ctLog, Optional<String> builtInIssuer, Clock clock)
      throws IOException, ConfigException {
    List<OidcIssuerConfig> issuers = issuers(w, builtInIssuer);
    TokenVerifier tokens =
        new TokenVerifier(
            issuers,
            new HttpJwksSource(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), clock),
            clock);
    TrustedCtLog trustedCt =
        TrustedCtLog.of(ctLog.publicKey(), KeyDetails.PKIX_ECDSA_P256_SHA_256, Instant.EPOCH, null);
    List<byte[]> issuerChain = new ArrayList<>();
    try {
      for (var c : chain.certChain()) {
        issuerChain.add(c.getEncoded());
      }
    } catch (CertificateEncodingException e) {
      throw new ConfigException("CA chain cannot be encoded: " + e.getMessage());
    }
    CertificateProfile profile;
    try {
      profile = new CertificateProfile(chain.issuer(), clock, w.random());
    } catch (CaChainException e) {
      throw new ConfigException("the CA certificate cannot issue: " + e.getMessage());
    }
    Issuer issuer =
        new Issuer(
            chain,
            profile,
            (tbs, issuerKeyHash, precert) -> {
              List<byte[]> submitted = new ArrayList<>();
              submitted.add(precert);
              submitted.addAll(issuerChain);
              try {
                return List.of(ctLog.addPreChain(submitted).get(30, TimeUnit.SECONDS));
              } catch (CtChainException | ExecutionException | TimeoutException e) {
                throw new SctUnavailableException(
                    "the CT log did not log the precertificate: " + e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SctUnavailableException("interrupted while waiting for the CT log");
              }
            },
            List.of(trustedCt));
    Optional<TlsKeyPair> tls = CaTls.load(w, clock);
    Wiring.Endpoint at = w.endpoint(ConfigKeys.CA_PORT, ConfigKeys.CA_URL, tls.isPresent());
    VirtualHostBuilder host =
        tls.isPresent()
            ? w.tlsPort(at.port(), tls.get(), () -> true, () -> true)
            : w.port(at.port(), () -> true, () -> true);
    CertificateAuthority ca = new CertificateAuthority(tokens, issuer);
    // gRPC (sigstore-java) and REST (sigstore-js) on one port, routed by content-type
    // Issuing mostly waits for the CT log to sign its checkpoint; many requests share one CT
    // batch, so they wait on their own pool (daemon threads) rather than on the verify workers.
    ExecutorService issuance = Executors.newFixedThreadPool(64, CaService::issuanceThread);
    new FulcioGrpc(ca, chain.trustBundle(), issuers, issuance, w.metrics()).mount(host);
    new FulcioHttp(ca, chain.trustBundle(), issuers, w.mapper(), issuance, w.metrics()).mount(host);
    OpenApi.mount(host, "fulcio.json");
    return at.url();
  }

  private static Thread issuanceThread(Runnable r) {
    Thread t = new Thread(r, "ca-issue");
    t.setDaemon(true);
    return t;
  }

  private static List<OidcIssuerConfig> issuers(Wiring w, Optional<String> builtIn)
      throws IOException, ConfigException {
    List<OidcIssuerConfig> out = new ArrayList<>();
    builtIn.ifPresent(url -> out.add(OidcIssuerConfig.exact(url, IssuerType.EMAIL)));
    Optional<String> file = w.config().optional(ConfigKeys.CA_ISSUERS_FILE);
    if (file.isPresent()) {
      out.addAll(IssuersFile.parse(file.get(), Files.readString(Path.of(file.get())), w.mapper()));
    }
    return out;
  }
}
