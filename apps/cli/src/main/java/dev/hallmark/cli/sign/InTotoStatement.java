package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * in-toto Statement v1 ({@code https://in-toto.io/Statement/v1}) with one subject, and the
 * predicate types users name most: SLSA provenance and SBOMs (SPDX, CycloneDX).
 */
final class InTotoStatement {
  static final String TYPE = "https://in-toto.io/Statement/v1";

  /** Short names for well-known predicate types. */
  static final Map<String, String> ALIASES =
      Map.of(
          "slsaprovenance", "https://slsa.dev/provenance/v1",
          "slsaprovenance1", "https://slsa.dev/provenance/v1",
          "slsaprovenance02", "https://slsa.dev/provenance/v0.2",
          "spdx", "https://spdx.dev/Document",
          "spdxjson", "https://spdx.dev/Document",
          "cyclonedx", "https://cyclonedx.org/bom");

  private InTotoStatement() {}

  /**
   * The predicate type an argument names: an alias or an absolute URI.
   *
   * @throws UsageException for anything else
   */
  static String predicateType(String arg) throws UsageException {
    String alias = ALIASES.get(arg.toLowerCase(Locale.ROOT));
    if (alias != null) {
      return alias;
    }
    try {
      URI u = new URI(arg);
      if (u.isAbsolute()) {
        return arg;
      }
    } catch (java.net.URISyntaxException e) {
      // fall through to the usage error
    }
    throw new UsageException(
        "--predicate-type must be an absolute URI or one of " + ALIASES.keySet() + ", not " + arg);
  }

  /**
   * The statement's JSON bytes.
   *
   * @param name the subject's name (the file name)
   * @param sha256 the subject's SHA-256
   * @param predicate the predicate (a JSON object)
   */
  static byte[] build(
      String name, byte[] sha256, String predicateType, JsonNode predicate, ObjectMapper mapper) {
    ObjectNode st = mapper.createObjectNode();
    st.put("_type", TYPE);
    ObjectNode subject = st.putArray("subject").addObject();
    subject.put("name", name);
    subject.putObject("digest").put("sha256", HexFormat.of().formatHex(sha256));
    st.put("predicateType", predicateType);
    st.set("predicate", predicate);
    try {
      return mapper.writeValueAsBytes(st);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree cannot fail to serialize", e);
    }
  }

  /**
   * Reads a statement to sign as given, checking it is an in-toto Statement v1 with a sha256
   * subject; returns that subject's SHA-256.
   *
   * @throws UsageException naming what is wrong with it
   */
  static byte[] firstSha256Subject(byte[] statement, ObjectMapper mapper) throws UsageException {
    JsonNode st;
    try {
      st = mapper.readTree(statement);
    } catch (IOException e) {
      throw new UsageException("the in-toto statement is not JSON", e);
    }
    if (st == null || !TYPE.equals(st.path("_type").asText())) {
      throw new UsageException("the file is not an in-toto Statement v1 (_type " + TYPE + ")");
    }
    for (JsonNode s : st.path("subject")) {
      String hex = s.path("digest").path("sha256").asText("");
      if (hex.matches("[0-9a-fA-F]{64}")) {
        return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
      }
    }
    throw new UsageException("the in-toto statement has no subject with a sha256 digest");
  }
}
