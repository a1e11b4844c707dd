package dev.hallmark.ca.issuance;

import dev.hallmark.ca.issuance.internal.ChainCheck;
import dev.hallmark.ca.issuance.internal.ChainFiles;
import dev.hallmark.ca.issuance.internal.ChainGenerator;
import dev.hallmark.core.crypto.PrivateKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The issuing CA: its signing key and its certificate chain, intermediate… root (the order of the
 * trusted root's {@code certChain}). Load a configured CA with {@link #of} or {@link #fromFiles};
 * {@link #loadOrGenerate(Path, CaNames, Clock, SecureRandom)} generates and persists a root and an
 * intermediate on first start and loads them afterwards.
 */
public final class CaChain {
  /** The chain file in a CA directory: intermediate then root, PEM. */
  public static final String CHAIN_FILE = "ca-chain.pem";

  /** The intermediate's PKCS#8 key file in a CA directory (mode 0600). */
  public static final String KEY_FILE = "ca-key.pem";

  /** The root's PKCS#8 key file in a CA directory (mode 0600), kept to re-issue intermediates. */
  public static final String ROOT_KEY_FILE = "root-key.pem";

  private static final String CURVE = "secp384r1";

  private final CaKey signingKey;
  private final List<X509Certificate> certChain;

  private CaChain(CaKey signingKey, List<X509Certificate> certChain) {
    this.signingKey = signingKey;
    this.certChain = List.copyOf(certChain);
  }

  /**
   * A CA from a key and the chain (intermediate… root) whose first certificate certifies it.
   *
   * @throws CaChainException if the chain does not fit together or does not fit the key
   */
  public static CaChain of(CaKey signingKey, List<X509Certificate> certChain)
      throws CaChainException {
    Objects.requireNonNull(signingKey, "signingKey");
    ChainCheck.check(certChain, signingKey.publicKey());
    return new CaChain(signingKey, certChain);
  }

  /**
   * A CA from a PEM chain file (intermediate… root) and a PKCS#8 PEM key file.
   *
   * @throws CaChainException if the chain cannot be read or does not fit the key
   * @throws CaKeyException if the key cannot be read
   */
  public static CaChain fromFiles(Path chainFile, Path keyFile, SecureRandom random)
      throws CaChainException, CaKeyException {
    List<X509Certificate> chain = ChainFiles.readCertificates(chainFile);
    return of(CaKeys.fromPkcs8PemFile(keyFile, random), chain);
  }

  /**
   * Loads the CA kept in {@code dir} ({@link #CHAIN_FILE}, {@link #KEY_FILE}); if there is none,
   * generates a P-384 root and intermediate named {@code names}, valid from {@code clock}'s now,
   * and writes them there (keys first, the chain file last, each atomically), so that a crash
   * before the chain file is written just generates afresh next time.
   *
   * @throws CaChainException if the directory cannot be read or written or holds a broken CA
   * @throws CaKeyException if a key cannot be read or generated
   */
  public static CaChain loadOrGenerate(Path dir, CaNames names, Clock clock, SecureRandom random)
      throws CaChainException, CaKeyException {
    Path chainFile = dir.resolve(CHAIN_FILE);
    if (Files.exists(chainFile)) {
      return fromFiles(chainFile, dir.resolve(KEY_FILE), random);
    }
    KeyPair rootPair = CaKeys.generateEc(CURVE, random);
    KeyPair pair = CaKeys.generateEc(CURVE, random);
    CaKey rootKey = CaKeys.fromKeyPair(rootPair, random);
    CaKey key = CaKeys.fromKeyPair(pair, random);
    ChainGenerator generator = new ChainGenerator(names, clock.instant(), random);
    X509Certificate root = generator.root(rootKey);
    X509Certificate intermediate = generator.intermediate(key.publicKey(), rootKey, root);
    CaChain ca = of(key, List.of(intermediate, root));
    try {
      ChainFiles.write(dir.resolve(ROOT_KEY_FILE), PrivateKeys.writePkcs8Pem(rootPair), true);
      ChainFiles.write(dir.resolve(KEY_FILE), PrivateKeys.writePkcs8Pem(pair), true);
      ChainFiles.write(chainFile, ChainFiles.pem(ca.certChain), false);
    } catch (IOException e) {
      throw new CaChainException("cannot write the generated CA to " + dir + ": " + e, e);
    }
    return ca;
  }

  /**
   * Loads the CA whose key and chain the token holds under {@code label}; if there is none,
   * generates a P-384 root key (stored under {@code label + "-root"}) and an intermediate key
   * (under {@code label}) inside the token, certifies them as {@link #loadOrGenerate(Path, CaNames,
   * Clock, SecureRandom)} does, and stores each key with its chain. No private key leaves the
   * token.
   *
   * @throws CaChainException if the stored chain does not fit its key
   * @throws CaKeyException if the token cannot generate, sign or store
   */
  public static CaChain loadOrGenerate(
      Pkcs11Token token, String label, CaNames names, Clock clock, SecureRandom random)
      throws CaChainException, CaKeyException {
    if (!token.contains(label)) {
      String rootLabel = label + "-root";
      ChainGenerator generator = new ChainGenerator(names, clock.instant(), random);
      KeyPair rootPair = token.generateEc(CURVE);
      CaKey rootSigner = token.sessionKey(rootPair, rootLabel);
      X509Certificate root = generator.root(rootSigner);
      token.store(rootLabel, rootPair.getPrivate(), List.of(root));
      KeyPair pair = token.generateEc(CURVE);
      X509Certificate intermediate =
          generator.intermediate(pair.getPublic(), token.signingKey(rootLabel), root);
      token.store(label, pair.getPrivate(), List.of(intermediate, root));
    }
    return of(token.signingKey(label), token.certificateChain(label));
  }

  /** The key leaves are signed with (the intermediate's). */
  public CaKey signingKey() {
    return signingKey;
  }

  /** The certificate leaves are issued under (the first of {@link #certChain()}). */
  public X509Certificate issuer() {
    return certChain.get(0);
  }

  /** The trust anchor (the last of {@link #certChain()}). */
  public X509Certificate root() {
    return certChain.get(certChain.size() - 1);
  }

  /** The chain intermediate… root, as the trusted root's {@code certChain} lists it. */
  public List<X509Certificate> certChain() {
    return certChain;
  }

  /** The {@code GET /api/v2/trustBundle} view: this one chain. */
  public TrustBundle trustBundle() {
    return new TrustBundle(List.of(certChain));
  }
}
