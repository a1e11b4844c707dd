package dev.hallmark.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.core.ct.SctVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CA signing through a PKCS#11 token: a fresh SoftHSM2 token, a P-384 root and intermediate
 * generated inside it, a leaf signed by the token. The PKCS#11 work runs in a child JVM with {@code
 * SOFTHSM2_CONF} set ({@link SoftHsmChild}).
 */
class SoftHsmTest {
  private static final String PIN = "4711-test";

  @TempDir Path dir;

  @Test
  void caSignsThroughSoftHsm2() throws Exception {
    SoftHsm hsm = SoftHsm.freshToken(dir, "hallmark-test", PIN);
    Path out = Files.createDirectories(dir.resolve("out"));
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String output =
        SoftHsm.run(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SoftHsmChild.class.getName(),
                hsm.library.toString(),
                Long.toString(hsm.slotId),
                PIN,
                out.toString()),
            Map.of("SOFTHSM2_CONF", hsm.conf.toString()));
    assertThat(output).contains("issued ");

    List<X509Certificate> chain = new ArrayList<>();
    for (byte[] der :
        PublicKeys.parsePemBlocks(Files.readString(out.resolve("chain.pem")), "CERTIFICATE")) {
      chain.add(PublicKeys.parseCertificate(der));
    }
    PublicKey tokenKey =
        PublicKeys.parseSpki(
            PublicKeys.parsePemBlocks(Files.readString(out.resolve("token-key.pem")), "PUBLIC KEY")
                .get(0));
    assertThat(chain).hasSize(3);
    X509Certificate leaf = chain.get(0);
    leaf.verify(tokenKey);
    assertThat(chain.get(1).getPublicKey()).isEqualTo(tokenKey);
    assertThat(chain.get(1).getSigAlgName()).isEqualTo("SHA384withECDSA");
    chain.get(1).verify(chain.get(2).getPublicKey());
    chain.get(2).verify(chain.get(2).getPublicKey());

    new SctVerifier(1).verify(leaf, chain.get(1), List.of(new TestCa.CtLog(7).trusted()));
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(chain.get(2), null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(TestCa.NOW.plusSeconds(1)));
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, 2)), params);
  }
}
