package dev.hallmark.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.crypto.PrivateKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaChainTest {
  @TempDir Path dir;

  @Test
  void firstStartGeneratesRootAndIntermediateAndPersistsThem() throws Exception {
    CaChain ca = TestCa.generatedCa(dir);

    X509Certificate root = ca.root();
    X509Certificate intermediate = ca.issuer();
    assertThat(ca.certChain()).containsExactly(intermediate, root);
    assertThat(root.getSubjectX500Principal())
        .isEqualTo(new X500Principal("CN=hallmark-test, O=hallmark-test"));
    assertThat(root.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
    assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(root.getKeyUsage())
        .containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(root.getExtendedKeyUsage()).isNull();
    assertThat(root.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    root.verify(root.getPublicKey());

    assertThat(intermediate.getSubjectX500Principal())
        .isEqualTo(new X500Principal("CN=hallmark-test intermediate, O=hallmark-test"));
    assertThat(intermediate.getBasicConstraints()).isZero();
    assertThat(intermediate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");
    intermediate.verify(root.getPublicKey());
    assertThat(root.getNotBefore().toInstant()).isEqualTo(TestCa.NOW);
    assertThat(root.getNotAfter().toInstant()).isAfter(TestCa.NOW.plusSeconds(9L * 365 * 86400));

    for (String f : List.of(CaChain.KEY_FILE, CaChain.ROOT_KEY_FILE)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
          .isEqualTo("rw-------");
    }
    assertThat(Files.readString(dir.resolve(CaChain.CHAIN_FILE)))
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(CaChain.CHAIN_FILE, CaChain.KEY_FILE, CaChain.ROOT_KEY_FILE);
    }
  }

  @Test
  void laterStartsLoadTheSameCa() throws Exception {
    CaChain first = TestCa.generatedCa(dir);
    CaChain second = CaChain.loadOrGenerate(dir, TestCa.NAMES, TestCa.CLOCK, TestCa.random(42));
    assertThat(second.certChain()).isEqualTo(first.certChain());
    assertThat(second.signingKey().publicKey()).isEqualTo(first.signingKey().publicKey());
    assertThat(second.trustBundle().pemChains()).isEqualTo(first.trustBundle().pemChains());
    assertThat(second.trustBundle().pemChains().get(0)).hasSize(2);
  }

  @Test
  void crashBeforeTheChainFileMeansGenerateAgain() throws Exception {
    Files.writeString(dir.resolve(CaChain.KEY_FILE), "half written");
    CaChain ca = TestCa.generatedCa(dir);
    assertThat(Files.exists(dir.resolve(CaChain.CHAIN_FILE))).isTrue();
    CaChain reloaded = TestCa.generatedCa(dir);
    assertThat(reloaded.certChain()).isEqualTo(ca.certChain());
  }

  @Test
  void keyThatDoesNotFitTheChainIsRefused() throws Exception {
    TestCa.generatedCa(dir);
    Files.writeString(
        dir.resolve(CaChain.KEY_FILE),
        PrivateKeys.writePkcs8Pem(CaKeys.generateEc("secp384r1", TestCa.random(5))));
    assertThatThrownBy(() -> TestCa.generatedCa(dir))
        .isInstanceOf(CaChainException.class)
        .hasMessageContaining("does not certify the CA key");
  }

  @Test
  void chainInTheWrongOrderIsRefused() throws Exception {
    CaChain ca = TestCa.generatedCa(dir);
    assertThatThrownBy(() -> CaChain.of(ca.signingKey(), List.of(ca.root(), ca.issuer())))
        .isInstanceOf(CaChainException.class)
        .hasMessageContaining("does not certify the CA key");
    assertThatThrownBy(() -> CaChain.of(ca.signingKey(), List.of(ca.issuer())))
        .isInstanceOf(CaChainException.class)
        .hasMessageContaining("must be a self-signed root");
  }

  @Test
  void corruptChainFileNamesTheFile() throws Exception {
    TestCa.generatedCa(dir);
    Files.writeString(dir.resolve(CaChain.CHAIN_FILE), "-----BEGIN CERTIFICATE-----\nAAAA\n");
    assertThatThrownBy(() -> TestCa.generatedCa(dir))
        .isInstanceOf(CaChainException.class)
        .hasMessageContaining(CaChain.CHAIN_FILE);
  }
}
