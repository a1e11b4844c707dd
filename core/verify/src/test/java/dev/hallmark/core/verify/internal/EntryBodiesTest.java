package dev.hallmark.core.verify.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.bundle.TlogEntry;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.VerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entry kinds the conformance vectors do not cover: dsse 0.0.2 and hashedrekord 0.0.2 with a
 * public-key verifier (bodies as spec §5.2 gives them; the body check compares bytes, so made-up
 * signature and key bytes suffice).
 */
class EntryBodiesTest {
  private static final byte[] SIG = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02};
  private static final byte[] SPKI =
      "not really a key, compared as bytes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ARTIFACT = "artifact".getBytes(StandardCharsets.UTF_8);
  private static final DsseEnvelope ENVELOPE =
      new DsseEnvelope(
          DsseEnvelope.IN_TOTO,
          Bytes.of(
              "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8)),
          List.of(new DsseEnvelope.Signature(Bytes.of(SIG), "")));
  private final EntryBodies bodies = new EntryBodies(new ObjectMapper());

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static TlogEntry entry(String kind, String body) {
    return new TlogEntry(
        7,
        Bytes.of(new byte[32]),
        kind,
        "0.0.2",
        0,
        Bytes.empty(),
        null,
        Bytes.of(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String dsseV002(byte[] payloadHash, byte[] sig) {
    return "{\"apiVersion\":\"0.0.2\",\"kind\":\"dsse\",\"spec\":{\"dsseV002\":{\"payloadHash\":"
        + "{\"algorithm\":\"SHA2_256\",\"digest\":\""
        + b64(payloadHash)
        + "\"},\"signatures\":[{\"content\":\""
        + b64(sig)
        + "\",\"verifier\":{\"keyDetails\":\"PKIX_ECDSA_P256_SHA_256\",\"publicKey\":{\"rawBytes\":\""
        + b64(SPKI)
        + "\"}}}]}}}";
  }

  private static SignedContent dsseContent() {
    return new SignedContent(SIG, null, SPKI, null, ENVELOPE, Artifact.of(ARTIFACT));
  }

  @Test
  void acceptsAMatchingDsseV002Entry() {
    byte[] payloadHash = HashAlgorithm.SHA2_256.digest(ENVELOPE.payload().toArray());
    assertThatCode(
            () -> bodies.check(entry("dsse", dsseV002(payloadHash, SIG)), dsseContent(), "entry 0"))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesADsseV002EntryForAnotherPayloadOrSignature() {
    byte[] payloadHash = HashAlgorithm.SHA2_256.digest(ENVELOPE.payload().toArray());
    assertThatThrownBy(
            () ->
                bodies.check(entry("dsse", dsseV002(new byte[32], SIG)), dsseContent(), "entry 0"))
        .isInstanceOf(VerificationException.class)
        .hasMessage(
            "log entry body: entry 0 records a different payload hash than the DSSE envelope's");
    assertThatThrownBy(
            () ->
                bodies.check(
                    entry("dsse", dsseV002(payloadHash, new byte[] {1})), dsseContent(), "entry 0"))
        .isInstanceOf(VerificationException.class)
        .hasMessage(
            "log entry body: entry 0 records a different DSSE signature than the envelope's");
  }

  @Test
  void checksAHashedRekordV002PublicKeyVerifier() {
    byte[] digest = HashAlgorithm.SHA2_256.digest(ARTIFACT);
    String body =
        "{\"apiVersion\":\"0.0.2\",\"kind\":\"hashedrekord\",\"spec\":{\"hashedRekordV002\":{\"data\":"
            + "{\"algorithm\":\"SHA2_256\",\"digest\":\""
            + b64(digest)
            + "\"},\"signature\":{\"content\":\""
            + b64(SIG)
            + "\",\"verifier\":{\"keyDetails\":\"PKIX_ECDSA_P256_SHA_256\",\"publicKey\":{\"rawBytes\":\""
            + b64(SPKI)
            + "\"}}}}}}";
    MessageSignature m =
        new MessageSignature(HashAlgorithm.SHA2_256, Bytes.of(digest), Bytes.of(SIG));
    SignedContent mine = new SignedContent(SIG, null, SPKI, m, null, Artifact.of(ARTIFACT));
    assertThatCode(() -> bodies.check(entry("hashedrekord", body), mine, "entry 0"))
        .doesNotThrowAnyException();
    SignedContent otherKey =
        new SignedContent(SIG, null, new byte[] {9}, m, null, Artifact.of(ARTIFACT));
    assertThatThrownBy(() -> bodies.check(entry("hashedrekord", body), otherKey, "entry 0"))
        .isInstanceOf(VerificationException.class)
        .hasMessage("log entry body: entry 0 records a different public key than the signer's");
  }

  @Test
  void refusesAKindVersionThatIsNotTheBodys() {
    byte[] payloadHash = HashAlgorithm.SHA2_256.digest(ENVELOPE.payload().toArray());
    assertThatThrownBy(
            () ->
                bodies.check(
                    entry("hashedrekord", dsseV002(payloadHash, SIG)), dsseContent(), "entry 0"))
        .isInstanceOf(VerificationException.class)
        .hasMessage(
            "log entry body: entry 0 kindVersion says hashedrekord 0.0.2 but the body is dsse 0.0.2");
  }
}
