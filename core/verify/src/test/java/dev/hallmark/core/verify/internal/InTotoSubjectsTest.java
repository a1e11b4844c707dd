package dev.hallmark.core.verify.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.VerificationException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subject matching with sha256 and sha512 digests, by bytes and by digest. */
class InTotoSubjectsTest {
  private static final byte[] ARTIFACT = "hello, hallmark\n".getBytes(StandardCharsets.UTF_8);
  private final InTotoSubjects subjects = new InTotoSubjects(new ObjectMapper());

  private static DsseEnvelope statement(String type, String digests) {
    String json =
        "{\"_type\":\""
            + type
            + "\",\"subject\":[{\"name\":\"other\",\"digest\":{\"sha256\":\""
            + "0".repeat(64)
            + "\"}},{\"name\":\"artifact\",\"digest\":{"
            + digests
            + "}}],\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":{}}";
    return new DsseEnvelope(
        DsseEnvelope.IN_TOTO,
        Bytes.of(json.getBytes(StandardCharsets.UTF_8)),
        List.of(new DsseEnvelope.Signature(Bytes.of(new byte[] {1}), "")));
  }

  private static String hex(HashAlgorithm alg) {
    return HexFormat.of().formatHex(alg.digest(ARTIFACT));
  }

  @Test
  void matchesASha512Subject() {
    DsseEnvelope env =
        statement(
            "https://in-toto.io/Statement/v1",
            "\"sha512\":\"" + hex(HashAlgorithm.SHA2_512) + "\"");
    assertThatCode(() -> subjects.check(env, Artifact.of(ARTIFACT))).doesNotThrowAnyException();
    // by SHA-256 digest only the other subject (sha256) is comparable, and it does not match
    assertThatThrownBy(
            () -> subjects.check(env, Artifact.ofSha256(HashAlgorithm.SHA2_256.digest(ARTIFACT))))
        .isInstanceOf(VerificationException.class)
        .hasMessage("in-toto: no subject of the statement has the artifact's digest");
  }

  @Test
  void matchesASha256SubjectByDigestInUpperCaseHex() {
    DsseEnvelope env =
        statement(
            "https://in-toto.io/Statement/v0.1",
            "\"sha256\":\""
                + hex(HashAlgorithm.SHA2_256).toUpperCase(java.util.Locale.ROOT)
                + "\"");
    assertThatCode(
            () -> subjects.check(env, Artifact.ofSha256(HashAlgorithm.SHA2_256.digest(ARTIFACT))))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnotherArtifactAndNonStatements() {
    DsseEnvelope env =
        statement(
            "https://in-toto.io/Statement/v1",
            "\"sha256\":\"" + hex(HashAlgorithm.SHA2_256) + "\"");
    assertThatThrownBy(() -> subjects.check(env, Artifact.of(new byte[] {42})))
        .isInstanceOf(VerificationException.class)
        .hasMessage("in-toto: no subject of the statement has the artifact's digest");
    DsseEnvelope notStatement =
        statement(
            "https://example.com/Other/v1", "\"sha256\":\"" + hex(HashAlgorithm.SHA2_256) + "\"");
    assertThatThrownBy(() -> subjects.check(notStatement, Artifact.of(ARTIFACT)))
        .isInstanceOf(VerificationException.class)
        .hasMessage("in-toto: the payload is not an in-toto statement");
    DsseEnvelope otherType = new DsseEnvelope("text/plain", env.payload(), env.signatures());
    assertThatThrownBy(() -> subjects.check(otherType, Artifact.of(ARTIFACT)))
        .isInstanceOf(VerificationException.class)
        .hasMessageStartingWith("in-toto: the DSSE payload type is \"text/plain\"");
  }
}
