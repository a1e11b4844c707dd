package dev.hallmark.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.sigstore.proto.common.v1.HashAlgorithm;
import dev.sigstore.proto.common.v1.PublicKeyDetails;
import dev.sigstore.proto.common.v1.X509Certificate;
import dev.sigstore.proto.rekor.v2.DSSELogEntryV002;
import dev.sigstore.proto.rekor.v2.DSSERequestV002;
import dev.sigstore.proto.rekor.v2.HashedRekordLogEntryV002;
import dev.sigstore.proto.rekor.v2.HashedRekordRequestV002;
import dev.sigstore.proto.rekor.v2.PublicKey;
import dev.sigstore.proto.rekor.v2.Signature;
import dev.sigstore.proto.rekor.v2.Verifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorTypes;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.rekor.v2.client.RekorV2ClientHttp;
import dev.sigstore.trustroot.Service;
import io.intoto.EnvelopeOuterClass;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * sigstore-java 2.0.0's Rekor v2 client against Hallmark: the requests {@code KeylessSigner} sends
 * ({@code hashedRekordRequestV002}; {@code dsseRequestV002} from {@code attest()}), the entry
 * verification it makes right after ({@code RekorVerifier}: inclusion proof, checkpoint signed by
 * the Ed25519 key named in the trusted root), and {@code KeylessVerifier}'s body checks. The RFC
 * 3161 timestamp that KeylessSigner requests first cannot be exercised: there is no TSA yet.
 */
@ExtendWith(HallmarkExtension.class)
class SigstoreJavaRekorV2Test {
  private static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
  private static RekorV2ClientHttp client;
  private static RekorVerifier verifier;
  private static HallmarkInstance hallmark;

  @BeforeAll
  static void setUp(HallmarkInstance instance) throws Exception {
    hallmark = instance;
    client = RekorV2ClientHttp.builder().setService(Service.of(instance.rekorV2Url(), 2)).build();
    verifier = RekorVerifier.newRekorVerifier(SigstoreJavaRekorV1Test.trustedRoot(instance));
  }

  private static Verifier certificateVerifier(java.security.cert.X509Certificate cert)
      throws Exception {
    return Verifier.newBuilder()
        .setX509Certificate(
            X509Certificate.newBuilder().setRawBytes(ByteString.copyFrom(cert.getEncoded())))
        .setKeyDetails(PublicKeyDetails.PKIX_ECDSA_P256_SHA_256)
        .build();
  }

  private static void checkEntry(RekorEntry entry, String kind) throws Exception {
    assertThat(entry.getLogID()).isEqualTo(HexFormat.of().formatHex(hallmark.v2LogId()));
    assertThat(entry.getIntegratedTime()).isZero();
    assertThat(entry.getBodyDecoded().getKind()).isEqualTo(kind);
    assertThat(entry.getBodyDecoded().getApiVersion()).isEqualTo("0.0.2");
    verifier.verifyEntry(entry); // inclusion proof + checkpoint (no SET in v2)
  }

  @Test
  void hashedRekordV002WithCertificateIsAcceptedAndVerifies() throws Exception {
    KeyPair pair = TestKeys.ecKey();
    var cert = TestKeys.selfSigned(pair, "dave@example.com");
    byte[] artifact = "rekor v2 from sigstore-java".getBytes(StandardCharsets.UTF_8);
    byte[] digest = HallmarkInstance.sha256(artifact);
    byte[] signature = TestKeys.sign(pair, artifact);
    RekorEntry entry =
        client.putEntry( // throws unless 201 + a parseable TransparencyLogEntry
            HashedRekordRequestV002.newBuilder()
                .setDigest(ByteString.copyFrom(digest))
                .setSignature(
                    Signature.newBuilder()
                        .setContent(ByteString.copyFrom(signature))
                        .setVerifier(certificateVerifier(cert)))
                .build());
    checkEntry(entry, "hashedrekord");

    // KeylessVerifier.checkMessageSignature for hashedrekord 0.0.2
    HashedRekordLogEntryV002 spec = RekorTypes.getHashedRekordV002(entry);
    assertThat(spec.getData().getAlgorithm()).isEqualTo(HashAlgorithm.SHA2_256);
    assertThat(spec.getData().getDigest().toByteArray()).isEqualTo(digest);
    assertThat(spec.getSignature().getContent().toByteArray()).isEqualTo(signature);
    assertThat(spec.getSignature().getVerifier().getX509Certificate().getRawBytes().toByteArray())
        .isEqualTo(cert.getEncoded());
  }

  @Test
  void hashedRekordV002WithPublicKeyIsAcceptedAndVerifies() throws Exception {
    KeyPair pair = TestKeys.ecKey();
    byte[] artifact = "rekor v2, bare key".getBytes(StandardCharsets.UTF_8);
    RekorEntry entry =
        client.putEntry(
            HashedRekordRequestV002.newBuilder()
                .setDigest(ByteString.copyFrom(HallmarkInstance.sha256(artifact)))
                .setSignature(
                    Signature.newBuilder()
                        .setContent(ByteString.copyFrom(TestKeys.sign(pair, artifact)))
                        .setVerifier(
                            Verifier.newBuilder()
                                .setPublicKey(
                                    PublicKey.newBuilder()
                                        .setRawBytes(
                                            ByteString.copyFrom(pair.getPublic().getEncoded())))
                                .setKeyDetails(PublicKeyDetails.PKIX_ECDSA_P256_SHA_256)))
                .build());
    checkEntry(entry, "hashedrekord");
  }

  @Test
  void dsseV002AsSentByAttestIsAcceptedAndVerifies() throws Exception {
    KeyPair pair = TestKeys.ecKey();
    var cert = TestKeys.selfSigned(pair, "erin@example.com");
    byte[] payload =
        ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\","
                + "\"digest\":{\"sha256\":\""
                + "ab".repeat(32)
                + "\"}}],\"predicateType\":\"https://example.com/p\",\"predicate\":{}}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] signature = TestKeys.sign(pair, pae(PAYLOAD_TYPE, payload));
    RekorEntry entry =
        client.putEntry(
            DSSERequestV002.newBuilder()
                .setEnvelope(
                    EnvelopeOuterClass.Envelope.newBuilder()
                        .setPayload(ByteString.copyFrom(payload))
                        .setPayloadType(PAYLOAD_TYPE)
                        .addSignatures(
                            EnvelopeOuterClass.Signature.newBuilder()
                                .setSig(ByteString.copyFrom(signature))
                                .setKeyid("")))
                .addVerifiers(certificateVerifier(cert))
                .build());
    checkEntry(entry, "dsse");

    // KeylessVerifier.checkDsseEnvelope for dsse 0.0.2
    DSSELogEntryV002 spec = RekorTypes.getDsseV002(entry);
    assertThat(spec.getPayloadHash().getAlgorithm()).isEqualTo(HashAlgorithm.SHA2_256);
    assertThat(spec.getPayloadHash().getDigest().toByteArray())
        .isEqualTo(HallmarkInstance.sha256(payload));
    assertThat(spec.getSignaturesCount()).isEqualTo(1);
    assertThat(spec.getSignatures(0).getContent().toByteArray()).isEqualTo(signature);
    assertThat(spec.getSignatures(0).getVerifier().getX509Certificate().getRawBytes().toByteArray())
        .isEqualTo(cert.getEncoded());
  }

  /** DSSE pre-authentication encoding. */
  static byte[] pae(String type, byte[] payload) {
    byte[] t = type.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("DSSEv1 " + t.length + " " + type + " " + payload.length + " ")
            .getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + payload.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(payload, 0, out, head.length, payload.length);
    return out;
  }
}
