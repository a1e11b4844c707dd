package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.HttpResponseException;
import dev.sigstore.AlgorithmRegistry;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.bundle.ImmutableBundle;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.rekor.client.HashedRekordRequest;
import dev.sigstore.rekor.client.RekorClientHttp;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorResponse;
import dev.sigstore.rekor.client.RekorTypes;
import dev.sigstore.rekor.client.RekorVerificationException;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.trustroot.Service;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * sigstore-java 2.0.0's Rekor v1 client and verifier against Hallmark: the same calls and checks
 * that {@code KeylessSigner.sign} makes after it has a certificate (there is no CA yet, so the
 * certificate here is self-signed), and that {@code KeylessVerifier} makes on the log entry.
 */
@ExtendWith(HallmarkExtension.class)
class SigstoreJavaRekorV1Test {
  private static RekorClientHttp client;
  private static RekorVerifier verifier;
  private static HallmarkInstance hallmark;

  @BeforeAll
  static void setUp(HallmarkInstance instance) throws Exception {
    hallmark = instance;
    client = RekorClientHttp.builder().setService(Service.of(instance.rekorV1Url(), 1)).build();
    verifier = RekorVerifier.newRekorVerifier(trustedRoot(instance));
  }

  /** sigstore-java's reading of the trusted root that lists the Hallmark logs. */
  static SigstoreTrustedRoot trustedRoot(HallmarkInstance instance) throws Exception {
    try (InputStream in = Files.newInputStream(instance.trustedRoot())) {
      return SigstoreTrustedRoot.from(in);
    }
  }

  /** What KeylessSigner does with Rekor v1 after signing, minus the CA. */
  static RekorResponse putAndCheck(HashedRekordRequest request) throws Exception {
    RekorResponse response = client.putEntry(request); // throws unless status == 201
    assertThat(response.getEntryLocation().toString())
        .startsWith(hallmark.rekorV1Url() + "/api/v1/log/entries/")
        .endsWith(request.computeUUID());
    String expectedBody =
        Base64.getEncoder()
            .encodeToString(request.toJsonPayload().getBytes(StandardCharsets.UTF_8));
    // KeylessSigner: "Returned log entry was inconsistent with request" otherwise
    assertThat(response.getEntry().getBody()).isEqualTo(expectedBody);
    assertThat(response.getUuid()).endsWith(request.computeUUID());
    assertThat(response.getEntry().getLogID())
        .isEqualTo(HexFormat.of().formatHex(hallmark.v1LogId()));
    assertThat(response.getEntry().getVerification().getSignedEntryTimestamp()).isNotEmpty();
    verifier.verifyEntry(response.getEntry()); // SET, inclusion proof, checkpoint
    return response;
  }

  @Test
  void hashedRekordWithCertificateIsAcceptedAndVerifies() throws Exception {
    KeyPair pair = TestKeys.ecKey();
    X509Certificate cert = TestKeys.selfSigned(pair, "alice@example.com");
    byte[] artifact = "hello from sigstore-java".getBytes(StandardCharsets.UTF_8);
    byte[] digest = HallmarkInstance.sha256(artifact);
    byte[] signature = TestKeys.sign(pair, artifact);
    HashedRekordRequest request =
        HashedRekordRequest.newHashedRekordRequest(
            digest, Certificates.toPemBytes(cert), signature);

    RekorEntry entry = putAndCheck(request).getEntry();

    // KeylessVerifier's body check: recompute the hashedrekord 0.0.1 body from the bundle parts
    RekorTypes.getHashedRekordV001(entry);
    String body = new String(Base64.getDecoder().decode(entry.getBody()), StandardCharsets.UTF_8);
    assertThat(body)
        .isEqualTo(
            HashedRekordRequest.newHashedRekordRequest(
                    digest, Certificates.toPemBytes(cert), signature)
                .toJsonPayload());

    // a second upload is a conflict (sigstore-java has no fetch-on-conflict; sigstore-js does)
    assertThatThrownBy(() -> client.putEntry(request))
        .isInstanceOfSatisfying(
            HttpResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(409);
              assertThat(e.getHeaders().getLocation()).endsWith(request.computeUUID());
            });

    // GET by UUID answers the same verifiable entry
    RekorEntry fetched = client.getEntry(request).orElseThrow();
    assertThat(fetched.getBody()).isEqualTo(entry.getBody());
    assertThat(fetched.getLogIndex()).isEqualTo(entry.getLogIndex());
    verifier.verifyEntry(fetched);

    // a bundle carrying the entry survives sigstore-java's protobuf round trip and still verifies
    Bundle bundle =
        ImmutableBundle.builder()
            .certPath(Certificates.toCertPath(cert))
            .messageSignature(
                Bundle.MessageSignature.of(
                    AlgorithmRegistry.HashAlgorithm.SHA2_256, digest, signature))
            .addEntries(entry)
            .build();
    Bundle parsed = Bundle.from(new StringReader(bundle.toJson()));
    RekorEntry roundTripped = parsed.getEntries().get(0);
    assertThat(roundTripped.getBody()).isEqualTo(entry.getBody());
    assertThat(roundTripped.getIntegratedTime()).isEqualTo(entry.getIntegratedTime());
    verifier.verifyEntry(roundTripped);
  }

  @Test
  void hashedRekordWithPublicKeyIsAcceptedAndVerifies() throws Exception {
    KeyPair pair = TestKeys.ecKey();
    byte[] artifact = "a managed key".getBytes(StandardCharsets.UTF_8);
    byte[] pem =
        TestKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded())
            .getBytes(StandardCharsets.US_ASCII);
    putAndCheck(
        HashedRekordRequest.newHashedRekordRequest(
            HallmarkInstance.sha256(artifact), pem, TestKeys.sign(pair, artifact)));
  }

  @Test
  void successiveEntriesAllVerifyAgainstGrowingTrees() throws Exception {
    KeyPair pair = TestKeys.ecKey();
    X509Certificate cert = TestKeys.selfSigned(pair, "bob@example.com");
    long previous = -1;
    for (int i = 0; i < 5; i++) {
      byte[] artifact = ("artifact " + i).getBytes(StandardCharsets.UTF_8);
      RekorEntry entry =
          putAndCheck(
                  HashedRekordRequest.newHashedRekordRequest(
                      HallmarkInstance.sha256(artifact),
                      Certificates.toPemBytes(cert),
                      TestKeys.sign(pair, artifact)))
              .getEntry();
      assertThat(entry.getLogIndex()).isGreaterThan(previous);
      assertThat(entry.getVerification().getInclusionProof().getTreeSize())
          .isGreaterThan(entry.getLogIndex());
      previous = entry.getLogIndex();
    }
  }

  @Test
  void verifierRejectsTheEntryUnderAnotherLogKey() throws Exception {
    KeyPair pair = TestKeys.ecKey();
    byte[] artifact = "negative control".getBytes(StandardCharsets.UTF_8);
    RekorEntry entry =
        putAndCheck(
                HashedRekordRequest.newHashedRekordRequest(
                    HallmarkInstance.sha256(artifact),
                    TestKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded())
                        .getBytes(StandardCharsets.US_ASCII),
                    TestKeys.sign(pair, artifact)))
            .getEntry();
    // same log ID, but the trusted root names a different key: the SET must not verify
    String json = Files.readString(hallmark.trustedRoot());
    String realKey = Base64.getEncoder().encodeToString(hallmark.v1LogKey());
    String otherKey = Base64.getEncoder().encodeToString(TestKeys.ecKey().getPublic().getEncoded());
    assertThat(json).contains(realKey);
    SigstoreTrustedRoot wrong =
        SigstoreTrustedRoot.from(
            new java.io.ByteArrayInputStream(
                json.replace(realKey, otherKey).getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> RekorVerifier.newRekorVerifier(wrong).verifyEntry(entry))
        .isInstanceOf(RekorVerificationException.class)
        .hasMessageContaining("SET");
  }
}
