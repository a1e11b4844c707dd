package dev.hallmark.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Trusted roots, signing configs and client trust configs from the vectors. */
class TrustConfigParseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsThePublicGoodTrustedRoot() throws Exception {
    TrustedRoot r =
        TrustedRoot.parse(Resources.read("sigstore-conformance/public-good-trusted_root.json"));
    assertThat(r.mediaType())
        .isEqualTo("application/vnd.dev.sigstore.trustedroot+json;version=0.1");
    assertThat(r.tlogs())
        .extracting(TransparencyLogInstance::baseUrl)
        .containsExactly("https://rekor.sigstore.dev", "https://log2025-1.rekor.sigstore.dev");
    TransparencyLogInstance v2 = r.tlogs().get(1);
    assertThat(v2.publicKey().keyDetails()).isEqualTo("PKIX_ED25519");
    assertThat(v2.logId().base64()).isEqualTo("zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A=");
    assertThat(v2.publicKey().validFor().start()).isEqualTo(Instant.parse("2025-09-23T00:00:00Z"));
    assertThat(r.certificateAuthorities()).hasSize(2);
    assertThat(r.certificateAuthorities().get(0).certChain()).hasSize(1);
    assertThat(r.certificateAuthorities().get(1).certChain()).hasSize(2);
    assertThat(r.ctlogs())
        .extracting(TransparencyLogInstance::baseUrl)
        .containsExactly("https://ctfe.sigstore.dev/test", "https://ctfe.sigstore.dev/2022");
    ValidityPeriod test = r.ctlogs().get(0).publicKey().validFor();
    assertThat(test.end()).isEqualTo(Instant.parse("2022-10-31T23:59:59.999Z"));
    assertThat(test.contains(Instant.parse("2022-10-31T23:59:59.999Z"))).isTrue();
    assertThat(test.contains(Instant.parse("2022-10-31T23:59:59.999000001Z"))).isFalse();
    assertThat(r.timestampAuthorities()).hasSize(1);
    assertThat(r.timestampAuthorities().get(0).uri())
        .isEqualTo("https://timestamp.sigstore.dev/api/v1/timestamp");
  }

  @Test
  void readsARootWithAnUnsupportedCtKeyScheme() throws Exception {
    TrustedRoot r =
        TrustedRoot.parse(
            Resources.read(
                "sigstore-conformance/bundle-verify/rekor2-happy-path/trusted_root.json"));
    assertThat(r.ctlogs().get(0).publicKey().keyDetails()).isEqualTo("PKCS1_RSA_PKCS1V5");
  }

  @Test
  void refusesALogKeyWithoutValidityStart() {
    assertThatThrownBy(
            () ->
                TrustedRoot.parse(
                    Resources.read(
                        "sigstore-conformance/bundle-verify/"
                            + "trust-root-tlog-missing-validity-start_fail/trusted_root.json")))
        .isInstanceOf(BundleFormatException.class)
        .hasMessage("tlogs[1].publicKey.validFor has no start");
  }

  @Test
  void readsTheClientTrustConfigWithItsSnakeCaseSigningConfig() throws Exception {
    ClientTrustConfig c =
        ClientTrustConfig.parse(Resources.read("model-signing/custom_trust_config.json"));
    SigningConfig s = c.signingConfig();
    assertThat(s.caUrls())
        .extracting(SigningConfig.Service::url)
        .containsExactly("https://fulcio.sigstore.dev", "https://fulcio-old.example.com");
    assertThat(s.caUrls().get(1).validFor().end()).isEqualTo(Instant.parse("2023-04-14T21:38:40Z"));
    assertThat(s.oidcUrls().get(0).url()).isEqualTo("https://oauth2.sigstore.dev/auth");
    assertThat(s.rekorTlogUrls().get(0).majorApiVersion()).isEqualTo(1);
    assertThat(s.tsaUrls().get(0).url())
        .isEqualTo("https://timestamp.sigstore.dev/api/v1/timestamp");
    assertThat(s.rekorTlogConfig().selector()).isEqualTo(SigningConfig.Selector.ANY);
    assertThat(s.tsaConfig().selector()).isEqualTo(SigningConfig.Selector.ANY);
    assertThat(s.caUrls().get(0).operator()).isEqualTo("example.com");
    assertThat(c.trustedRoot().tlogs().get(0).baseUrl()).isEqualTo("https://rekor.sigstore.dev");
  }

  @Test
  void readsAStandaloneSigningConfigAndRefusesAnUndefinedSelector() throws Exception {
    ObjectNode cfg =
        (ObjectNode)
            JSON.readTree(Resources.read("model-signing/custom_trust_config.json"))
                .get("signing_config");
    assertThat(SigningConfig.parse(JSON.writeValueAsBytes(cfg)).caUrls()).hasSize(2);
    ((ObjectNode) cfg.get("tsaConfig")).put("selector", "SERVICE_SELECTOR_UNDEFINED");
    assertThatThrownBy(() -> SigningConfig.parse(JSON.writeValueAsBytes(cfg)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("tsaConfig.selector must be ALL, ANY or EXACT");
    cfg.remove("rekorTlogConfig");
    assertThatThrownBy(() -> SigningConfig.parse(JSON.writeValueAsBytes(cfg)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("rekorTlogConfig is missing");
  }
}
