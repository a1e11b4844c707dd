package dev.hallmark.ca.issuance;

import dev.hallmark.ca.identity.SubjectAltName;
import dev.hallmark.core.crypto.KeyDetails;
import dev.hallmark.core.crypto.Signer;
import dev.hallmark.core.crypto.Signers;
import dev.hallmark.core.ct.SctSigner;
import dev.hallmark.core.ct.SignedCertificateTimestamp;
import dev.hallmark.core.ct.TrustedCtLog;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared fixtures: a fixed clock, seeded randomness, a real CT log key and an SCT source. */
public final class TestCa {
  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final CaNames NAMES = new CaNames("hallmark-test", "hallmark-test");

  private TestCa() {}

  /** Deterministic randomness (SHA1PRNG seeded before first use). */
  public static SecureRandom random(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  public static CaChain generatedCa(Path dir) throws Exception {
    return CaChain.loadOrGenerate(dir, NAMES, CLOCK, random(1));
  }

  static CertificateSubject email(String address) {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("1.3.6.1.4.1.57264.1.1", "https://issuer.example");
    ext.put("1.3.6.1.4.1.57264.1.8", "https://issuer.example");
    ext.put("1.3.6.1.4.1.57264.1.24", "subject-1");
    return new CertificateSubject(new SubjectAltName(SubjectAltName.Type.EMAIL, address), ext);
  }

  /** A CT log: a P-256 key signing SCTs, as the ctlog service will. */
  public static final class CtLog implements SctSource {
    final Signer key;
    final SctSigner signer;
    final List<byte[]> seenTbs = new ArrayList<>();
    public final List<byte[]> seenPrecerts = new ArrayList<>();

    public CtLog(long seed) throws Exception {
      KeyPair pair = CaKeys.generateEc("secp256r1", random(seed));
      key = Signers.create(pair, KeyDetails.PKIX_ECDSA_P256_SHA_256);
      signer = new SctSigner(key);
    }

    public TrustedCtLog trusted() {
      return TrustedCtLog.of(
          key.publicKey().getEncoded(),
          KeyDetails.PKIX_ECDSA_P256_SHA_256,
          NOW.minusSeconds(60),
          null);
    }

    @Override
    public synchronized List<SignedCertificateTimestamp> timestamp(
        byte[] precertTbsWithoutPoison, byte[] issuerKeyHash, byte[] precertificateDer) {
      seenTbs.add(precertTbsWithoutPoison.clone());
      seenPrecerts.add(precertificateDer.clone());
      return List.of(
          signer.signPrecert(NOW.toEpochMilli(), issuerKeyHash, precertTbsWithoutPoison));
    }
  }
}
