package dev.hallmark.core.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strict parsing of metadata files and round trips of the model. */
class MetadataParseTest {
  static final String KEY =
      "{\"keytype\":\"ed25519\",\"scheme\":\"ed25519\",\"keyval\":{\"public\":\""
          + "ab".repeat(32)
          + "\"}}";

  static String root(String rootRole) {
    return "{\"signatures\":[],\"signed\":{\"_type\":\"root\",\"spec_version\":\"1.0.31\","
        + "\"version\":1,\"expires\":\"2030-01-01T00:00:00Z\",\"consistent_snapshot\":true,"
        + "\"keys\":{\"k1\":"
        + KEY
        + "},\"roles\":{"
        + rootRole
        + ",\"targets\":{\"keyids\":[\"k1\"],\"threshold\":1},"
        + "\"snapshot\":{\"keyids\":[\"k1\"],\"threshold\":1},"
        + "\"timestamp\":{\"keyids\":[\"k1\"],\"threshold\":1}}}}";
  }

  static final String ROOT = root("\"root\":{\"keyids\":[\"k1\"],\"threshold\":1}");
  static final String TIMESTAMP =
      "{\"signatures\":[{\"keyid\":\"k1\",\"sig\":\"00ff\"}],\"signed\":{\"_type\":\"timestamp\","
          + "\"spec_version\":\"1.0\",\"version\":7,\"expires\":\"2030-01-01T00:00:00Z\","
          + "\"meta\":{\"snapshot.json\":{\"version\":3,\"length\":10,\"hashes\":{\"sha256\":\"abcd\"}}}}}";
  static final String TARGETS =
      "{\"signatures\":[],\"signed\":{\"_type\":\"targets\",\"spec_version\":\"1.0\",\"version\":2,"
          + "\"expires\":\"2030-01-01T00:00:00Z\",\"targets\":{\"a/b.json\":{\"length\":5,"
          + "\"hashes\":{\"sha256\":\"00\",\"sha512\":\"11\"},\"custom\":{\"sigstore\":{\"usage\":\"Fulcio\"}}}},"
          + "\"delegations\":{\"keys\":{},\"roles\":[]}}}";

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not json", "not valid JSON"),
        Arguments.of("[]", "must be a JSON object"),
        Arguments.of("{\"signatures\":[]}", "signed must be an object"),
        Arguments.of(TIMESTAMP + " {}", "not valid JSON"),
        Arguments.of(TIMESTAMP.replace("\"timestamp\"", "\"mirrors\""), "unknown type mirrors"),
        Arguments.of(TIMESTAMP.replace("\"1.0\"", "\"2.0\""), "spec_version: unsupported 2.0"),
        Arguments.of(
            TIMESTAMP.replace("\"version\":7", "\"version\":0"), "version must be at least 1"),
        Arguments.of(
            TIMESTAMP.replace("\"version\":7", "\"version\":7.0"),
            "version must be a non-negative integer"),
        Arguments.of(
            TIMESTAMP.replace("\"version\":7", "\"version\":\"7\""),
            "version must be a non-negative integer"),
        Arguments.of(
            TIMESTAMP.replace("\"version\":7", "\"version\":18446744073709551616"), "fits 64 bits"),
        Arguments.of(
            TIMESTAMP.replace("00:00:00Z", "00:00:00.5Z"), "expires: not YYYY-MM-DDTHH:MM:SSZ"),
        Arguments.of(TIMESTAMP.replace("2030-01-01", "2030-13-01"), "expires: invalid date"),
        Arguments.of(
            TIMESTAMP.replace("\"version\":7,", "\"version\":7,\"version\":8,"), "Duplicate field"),
        Arguments.of(
            TIMESTAMP.replace("\"sig\":\"00ff\"", "\"sig\":\"0g\""), "signature is not hex"),
        Arguments.of(
            TIMESTAMP.replace(
                "{\"keyid\":\"k1\",\"sig\":\"00ff\"}",
                "{\"keyid\":\"k1\",\"sig\":\"00\"},{\"keyid\":\"k1\",\"sig\":\"01\"}"),
            "more than one signature by key k1"),
        Arguments.of(
            TIMESTAMP.replace("[{", "{").replace("}],", "},"), "signatures must be an array"),
        Arguments.of(TIMESTAMP.replace("snapshot.json", "snap.json"), "no snapshot.json entry"),
        Arguments.of(TIMESTAMP.replace("\"abcd\"", "\"xyz\""), "must be a hex string"),
        Arguments.of(
            TIMESTAMP.replace("\"length\":10", "\"length\":-1"), "length must be a non-negative"),
        Arguments.of(TIMESTAMP.replace("{\"sha256\":\"abcd\"}", "{}"), "hashes must not be empty"),
        Arguments.of(
            root("\"mirror\":{\"keyids\":[\"k1\"],\"threshold\":1}"), "not a top-level role"),
        Arguments.of(root("\"root\":{\"keyids\":[\"k2\"],\"threshold\":1}"), "names key k2"),
        Arguments.of(
            root("\"root\":{\"keyids\":[\"k1\",\"k1\"],\"threshold\":1}"), "duplicate key ids"),
        Arguments.of(
            root("\"root\":{\"keyids\":[\"k1\"],\"threshold\":0}"), "threshold must be at least 1"),
        Arguments.of(
            ROOT.replace(",\"snapshot\":{\"keyids\":[\"k1\"],\"threshold\":1}", ""),
            "all four top-level roles"),
        Arguments.of(
            ROOT.replace("\"consistent_snapshot\":true", "\"consistent_snapshot\":1"),
            "must be a boolean"),
        Arguments.of(
            ROOT.replace("\"}}},\"roles\"", "\",\"private\":\"x\"}}},\"roles\""),
            "keyval must hold only"),
        Arguments.of(
            TARGETS.replace("\"length\":5", "\"length\":-5"), "length must be a non-negative"),
        Arguments.of(
            TARGETS.replace("{\"sha256\":\"00\",\"sha512\":\"11\"}", "{}"), "at least one hash"),
        Arguments.of(TARGETS.replace("\"a/b.json\"", "\"\""), "invalid target name"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void refusesMalformedMetadata(String json, String expected) {
    assertThatThrownBy(() -> Metadata.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void theWellFormedBasesParse() throws Exception {
    Timestamp t =
        Metadata.parse(TIMESTAMP.getBytes(StandardCharsets.UTF_8), Timestamp.class).signed();
    assertThat(t.version()).isEqualTo(7);
    assertThat(t.snapshotMeta())
        .isEqualTo(new MetaFile(3, OptionalLong.of(10), Map.of("sha256", "abcd")));
    Root r = Metadata.parse(ROOT.getBytes(StandardCharsets.UTF_8), Root.class).signed();
    assertThat(r.specVersion()).isEqualTo("1.0.31");
    assertThat(r.keys().get("k1").publicValue()).isEqualTo("ab".repeat(32));
    Metadata<Targets> targets =
        Metadata.parse(TARGETS.getBytes(StandardCharsets.UTF_8), Targets.class);
    TargetFile f = targets.signed().targets().get("a/b.json");
    assertThat(f.customJson()).hasValue("{\"sigstore\":{\"usage\":\"Fulcio\"}}");
    // delegations are not modelled but stay covered by the canonical bytes
    assertThat(new String(targets.canonicalSigned(), StandardCharsets.UTF_8))
        .contains("\"delegations\":{\"keys\":{},\"roles\":[]}");
    assertThat(new String(targets.toJson(), StandardCharsets.UTF_8)).contains("delegations");
  }

  @Test
  void refusesTheWrongRole() {
    assertThatThrownBy(() -> Metadata.parse(TIMESTAMP.getBytes(StandardCharsets.UTF_8), Root.class))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessageContaining("expected Root metadata, got _type timestamp");
  }

  static Stream<Signed> models() throws Exception {
    TufKey plain = new TufKey("ed25519", "ed25519", "cd".repeat(32));
    TufKey extra =
        new TufKey(
            "ecdsa",
            "ecdsa-sha2-nistp256",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
            Map.of(
                "x-tuf-on-ci-keyowner",
                "\"@someone\"",
                "keyid_hash_algorithms",
                "[\"sha256\",\"sha512\"]"));
    Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
    roles.put(Role.ROOT, new RoleKeys(List.of(plain.keyId(), extra.keyId()), 2));
    roles.put(Role.TARGETS, new RoleKeys(List.of(plain.keyId()), 1));
    roles.put(Role.SNAPSHOT, new RoleKeys(List.of(extra.keyId()), 1));
    roles.put(Role.TIMESTAMP, new RoleKeys(List.of(extra.keyId()), 1));
    Instant exp = Instant.parse("2031-02-03T04:05:06Z");
    return Stream.of(
        new Root("1.0", 3, exp, true, Map.of(plain.keyId(), plain, extra.keyId(), extra), roles),
        new Targets(
            "1.0",
            4,
            exp,
            Map.of(
                "trusted_root.json",
                new TargetFile(12, Map.of("sha256", "ab"), Optional.of("{\"k\":[1,2]}")),
                "dir/x",
                new TargetFile(0, Map.of("sha512", "cd"), Optional.empty()))),
        new Snapshot("1.0", 5, exp, Map.of("targets.json", MetaFile.ofVersion(4))),
        new Timestamp("1.0", 6, exp, new MetaFile(5, OptionalLong.of(99), Map.of("sha256", "ef"))));
  }

  @ParameterizedTest
  @MethodSource("models")
  void roundTripsTheModel(Signed model) throws Exception {
    Metadata<Signed> md = Metadata.of(model).withSignature(new Signature("id", "0102"));
    Metadata<? extends Signed> back = Metadata.parse(md.toJson());

    assertThat(back.signed()).isEqualTo(model);
    assertThat(back.canonicalSigned()).isEqualTo(md.canonicalSigned());
    assertThat(back.signatures()).containsExactly(new Signature("id", "0102"));
    assertThat(back.toJson()).isEqualTo(md.toJson());
  }

  @Test
  void keyIdCoversUnrecognizedMembers() {
    TufKey a = new TufKey("ed25519", "ed25519", "cd".repeat(32));
    TufKey b = new TufKey("ed25519", "ed25519", "cd".repeat(32), Map.of("x", "1"));
    // sha256 of {"keytype":"ed25519","keyval":{"public":"cdcd..."},"scheme":"ed25519"}
    assertThat(a.keyId())
        .isEqualTo(
            RepositoryWriterTest.sha256Unchecked(
                ("{\"keytype\":\"ed25519\",\"keyval\":{\"public\":\""
                        + "cd".repeat(32)
                        + "\"},\"scheme\":\"ed25519\"}")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(b.keyId()).isNotEqualTo(a.keyId());
  }

  @Test
  void detachedSignaturesRoundTrip() throws Exception {
    Signature s = new Signature("abc", "00ff");
    assertThat(Signature.parse(s.toJson())).isEqualTo(s);
    assertThatThrownBy(
            () -> Signature.parse("{\"keyid\":1,\"sig\":\"00\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessageContaining("keyid must be a string");
  }
}
