package dev.hallmark.core.verify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.crypto.HashAlgorithm;
import dev.hallmark.core.verify.Artifact;
import dev.hallmark.core.verify.VerificationException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that the artifact is a subject of the in-toto statement in a DSSE envelope: some subject
 * has a digest (sha256, sha384 or sha512) equal to the artifact's under that algorithm.
 */
public final class InTotoSubjects {
  private static final Set<String> STATEMENT_TYPES =
      Set.of("https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1");
  private static final Map<String, HashAlgorithm> ALGORITHMS =
      Map.of(
          "sha256", HashAlgorithm.SHA2_256,
          "sha384", HashAlgorithm.SHA2_384,
          "sha512", HashAlgorithm.SHA2_512);

  private final ObjectMapper mapper;

  /** Reads statements with {@code mapper}. */
  public InTotoSubjects(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Verifies the artifact is a subject of the envelope's statement. */
  public void check(DsseEnvelope env, Artifact artifact) throws VerificationException {
    if (!env.payloadType().equals(DsseEnvelope.IN_TOTO)) {
      throw new VerificationException(
          "in-toto: the DSSE payload type is \""
              + env.payloadType()
              + "\", not in-toto; it has no subject to match the artifact with");
    }
    JsonNode st;
    try {
      st = mapper.readTree(env.payload().toArray());
    } catch (IOException e) {
      throw new VerificationException("in-toto: the statement is not JSON", e);
    }
    if (st == null || !STATEMENT_TYPES.contains(st.path("_type").asText(""))) {
      throw new VerificationException("in-toto: the payload is not an in-toto statement");
    }
    JsonNode subjects = st.path("subject");
    if (!subjects.isArray() || subjects.isEmpty()) {
      throw new VerificationException("in-toto: the statement has no subjects");
    }
    boolean comparable = false;
    for (JsonNode s : subjects) {
      for (Map.Entry<String, JsonNode> d : s.path("digest").properties()) {
        HashAlgorithm alg = ALGORITHMS.get(d.getKey());
        if (alg == null || !d.getValue().isTextual()) {
          continue;
        }
        Optional<byte[]> mine = artifact.digest(alg);
        if (mine.isEmpty()) {
          continue;
        }
        comparable = true;
        String hex = HexFormat.of().formatHex(mine.get());
        if (hex.equals(d.getValue().textValue().toLowerCase(Locale.ROOT))) {
          return;
        }
      }
    }
    throw new VerificationException(
        comparable
            ? "in-toto: no subject of the statement has the artifact's digest"
            : "in-toto: no subject digest uses an algorithm the artifact's digest is known in");
  }
}
