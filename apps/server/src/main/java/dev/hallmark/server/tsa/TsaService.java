package dev.hallmark.server.tsa;

import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.ca.issuance.CaKeyException;
import dev.hallmark.ca.issuance.Pkcs11Token;
import dev.hallmark.server.Wiring;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigKeys;
import dev.hallmark.server.http.OpenApi;
import dev.hallmark.server.keys.NoteKeyFiles;
import dev.hallmark.tsa.TimestampAuthority;
import dev.hallmark.tsa.TsaCertificates;
import dev.hallmark.tsa.TsaKeyException;
import dev.hallmark.tsa.TsaKeyFiles;
import dev.hallmark.tsa.TsaPolicy;
import dev.hallmark.tsa.TsaSigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Starts the RFC 3161 timestamp authority on its own port. Its key and chain: the files {@code
 * tsa.chain.file} + {@code tsa.key.file}; or on the PKCS#11 token under {@code tsa.pkcs11.label};
 * or generated under {@code tsa.dir} (default {@code data.dir/tsa}) on first start. The public
 * chain is also written to {@code data.dir/tsa-chain.pem}.
 */
public final class TsaService {
  private TsaService() {}

  /** A started TSA: its timestamp URL (full, as signing configs list it) and chain. */
  public record Started(String timestampUrl, String baseUrl, List<X509Certificate> chain) {}

  public static Started start(Wiring w) throws IOException, ConfigException {
    TsaSigningKey key = key(w);
    TimestampAuthority tsa;
    try {
      tsa = new TimestampAuthority(key, policy(w), w.clock(), w.random());
    } catch (TsaKeyException | IllegalArgumentException e) {
      throw new ConfigException("the TSA cannot start: " + e.getMessage());
    }
    String pem;
    try {
      pem = TsaKeyFiles.pem(key.chain());
    } catch (TsaKeyException e) {
      throw new ConfigException(e.getMessage());
    }
    NoteKeyFiles.writePublic(w.dataDir().resolve(TsaKeyFiles.CHAIN_FILE), pem);
    Wiring.Endpoint at = w.endpoint(ConfigKeys.TSA_PORT, ConfigKeys.TSA_URL);
    VirtualHostBuilder host = w.port(at.port(), () -> true, () -> true);
    new TsaHttp(tsa, pem, w.mapper(), w.workers(), w.metrics()).mount(host);
    OpenApi.mount(host, "tsa.json");
    return new Started(at.url() + "/api/v1/timestamp", at.url(), key.chain());
  }

  private static TsaPolicy policy(Wiring w) throws ConfigException {
    Set<String> accepted =
        Arrays.stream(w.config().get(ConfigKeys.TSA_POLICIES_ACCEPTED).split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    try {
      return new TsaPolicy(
          w.config().get(ConfigKeys.TSA_POLICY),
          accepted,
          Duration.ofMillis(w.config().intValue(ConfigKeys.TSA_ACCURACY_MS, 1, 3_600_000)),
          Boolean.parseBoolean(w.config().get(ConfigKeys.TSA_EMBED_CHAIN)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("bad TSA policy setting: " + e.getMessage());
    }
  }

  private static TsaSigningKey key(Wiring w) throws ConfigException {
    Optional<String> chainFile = w.config().optional(ConfigKeys.TSA_CHAIN_FILE);
    Optional<String> keyFile = w.config().optional(ConfigKeys.TSA_KEY_FILE);
    Optional<String> label = w.tokens().label(ConfigKeys.TSA_PKCS11_LABEL);
    try {
      if (chainFile.isPresent() != keyFile.isPresent()) {
        throw new ConfigException(
            "set both " + ConfigKeys.TSA_CHAIN_FILE + " and " + ConfigKeys.TSA_KEY_FILE);
      }
      if (chainFile.isPresent()) {
        if (label.isPresent()) {
          throw new ConfigException(
              "set either the TSA key files or " + ConfigKeys.TSA_PKCS11_LABEL + ", not both");
        }
        return TsaKeyFiles.fromFiles(Path.of(chainFile.get()), Path.of(keyFile.get()));
      }
      if (label.isPresent()) {
        return onToken(w, w.tokens().token(), label.get());
      }
      Path dir =
          w.config().optional(ConfigKeys.TSA_DIR).map(Path::of).orElse(w.dataDir().resolve("tsa"));
      return TsaKeyFiles.loadOrGenerate(dir, "Hallmark", w.clock(), w.random());
    } catch (TsaKeyException e) {
      throw new ConfigException("TSA key: " + e.getMessage());
    }
  }

  /**
   * The TSA key under {@code label} on the token; when absent, a P-384 root ({@code label-root})
   * and a P-256 timestamping key are generated inside the token and stored with their chain.
   */
  private static TsaSigningKey onToken(Wiring w, Pkcs11Token token, String label)
      throws ConfigException, TsaKeyException {
    try {
      if (!token.contains(label)) {
        KeyPair root = token.generateEc("secp384r1");
        KeyPair leaf = token.generateEc("secp256r1");
        List<X509Certificate> chain =
            TsaCertificates.generate(
                root,
                token.provider(),
                leaf.getPublic(),
                "Hallmark",
                w.clock().instant(),
                w.random());
        token.store(label + "-root", root.getPrivate(), chain.subList(1, 2));
        token.store(label, leaf.getPrivate(), chain);
      }
      return TsaSigningKey.of(
          token.privateKey(label), token.provider(), token.certificateChain(label));
    } catch (CaKeyException e) {
      throw new ConfigException(
          "TSA key on the PKCS#11 token under " + label + ": " + e.getMessage());
    }
  }
}
