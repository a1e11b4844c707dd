package dev.hallmark.ca.issuance;

import dev.hallmark.core.crypto.PublicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.Key;
import java.security.KeyStore;
import java.util.List;

/**
 * Runs in a JVM whose environment has {@code SOFTHSM2_CONF} pointing at the test's token directory
 * (SoftHSM2 reads it when the library is initialized; a JVM cannot change its own environment).
 * Generates the CA on the token, reloads it, issues a leaf and writes the results for {@link
 * SoftHsmTest} to check.
 *
 * <p>Arguments: library path, slot ID, PIN, output directory.
 */
public final class SoftHsmChild {
  static final String LABEL = "hallmark-ca";

  private SoftHsmChild() {}

  public static void main(String[] args) throws Exception {
    Pkcs11Config config =
        new Pkcs11Config(
            Paths.get(args[0]), Pkcs11Config.Slot.id(Long.parseLong(args[1])), args[2]);
    Path out = Paths.get(args[3]);

    Pkcs11Token token = Pkcs11Token.open(config);
    if (token.contains(LABEL)) {
      throw new IllegalStateException("fresh token already holds " + LABEL);
    }
    CaChain generated =
        CaChain.loadOrGenerate(token, LABEL, TestCa.NAMES, TestCa.CLOCK, TestCa.random(1));

    // a later start: a new provider instance, the CA comes back from the token
    Pkcs11Token reopened = Pkcs11Token.open(config);
    CaChain ca =
        CaChain.loadOrGenerate(reopened, LABEL, TestCa.NAMES, TestCa.CLOCK, TestCa.random(9));
    if (!ca.certChain().equals(generated.certChain())) {
      throw new IllegalStateException("reloaded chain differs from the generated one");
    }
    CaKey key = CaKeys.fromPkcs11(config, LABEL);
    if (!key.publicKey().equals(ca.issuer().getPublicKey())) {
      throw new IllegalStateException("CaKeys.fromPkcs11 returned another key");
    }

    // the private key is a token handle: not extractable
    KeyStore ks = KeyStore.getInstance("PKCS11", reopened.provider());
    ks.load(null, config.pin().toCharArray());
    Key handle = ks.getKey(LABEL, null);
    if (handle.getEncoded() != null) {
      throw new IllegalStateException("the token let the private key out");
    }

    // P-256 works on the token too: generated inside it, signs (and is checked) through it
    CaKey p256 = reopened.sessionKey(reopened.generateEc("secp256r1"), "p256");
    if (!p256.signatureAlgorithm().equals("SHA256withECDSA")) {
      throw new IllegalStateException("P-256 token key signs with " + p256.signatureAlgorithm());
    }

    TestCa.CtLog ctLog = new TestCa.CtLog(7);
    CaChain byKey = CaChain.of(key, reopened.certificateChain(LABEL));
    Issuer issuer =
        new Issuer(
            byKey,
            new CertificateProfile(byKey.issuer(), TestCa.CLOCK, TestCa.random(2)),
            ctLog,
            List.of(ctLog.trusted()));
    IssuedCertificate issued =
        issuer.issue(
            TestCa.email("hsm@example.com"),
            CaKeys.generateEc("secp256r1", TestCa.random(3)).getPublic());

    Files.writeString(out.resolve("chain.pem"), String.join("", issued.pemChain()));
    Files.writeString(
        out.resolve("token-key.pem"), PublicKeys.pem("PUBLIC KEY", key.publicKey().getEncoded()));
    System.out.println("issued " + issued.leaf().getSerialNumber().toString(16));
  }
}
