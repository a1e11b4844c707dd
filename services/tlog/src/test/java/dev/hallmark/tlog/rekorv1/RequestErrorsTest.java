package dev.hallmark.tlog.rekorv1;

import static dev.hallmark.tlog.rekorv1.Requests.MAPPER;
import static dev.hallmark.tlog.rekorv1.Requests.b64;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.crypto.PublicKeys;
import dev.hallmark.tlog.rekorv2.InvalidEntryException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error path yields an InvalidEntryException whose message says what and where. */
class RequestErrorsTest {
  private final RekorV1Entries entries = new RekorV1Entries(MAPPER);

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("malformedBodies")
  void malformedBodiesAreRejected(String body, String message) {
    assertThatThrownBy(() -> entries.parse(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining(message);
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of("", "request body is empty"),
        Arguments.of("{", "not valid JSON"),
        Arguments.of("{} x", "not valid JSON"),
        Arguments.of("[]", "must be a JSON object"),
        Arguments.of("null", "must be a JSON object"),
        Arguments.of("{}", "kind is required"),
        Arguments.of("{\"kind\":1}", "kind must be a string"),
        Arguments.of("{\"kind\":\"hashedrekord\"}", "apiVersion is required"),
        Arguments.of(
            "{\"kind\":\"rekord\",\"apiVersion\":\"0.0.1\",\"spec\":{}}",
            "unsupported kind \"rekord\"; supported: " + RekorV1Entries.SUPPORTED),
        Arguments.of(
            "{\"kind\":\"hashedrekord\",\"apiVersion\":\"0.0.2\",\"spec\":{}}",
            "unsupported apiVersion \"0.0.2\" for kind hashedrekord; supported: "
                + RekorV1Entries.SUPPORTED),
        Arguments.of(
            "{\"kind\":\"intoto\",\"apiVersion\":\"0.0.1\",\"spec\":{}}",
            "unsupported apiVersion \"0.0.1\" for kind intoto"),
        Arguments.of("{\"kind\":\"dsse\",\"apiVersion\":\"0.0.1\"}", "spec is required"),
        Arguments.of("{\"kind\":\"dsse\",\"apiVersion\":\"0.0.1\",\"spec\":[]}", "spec must be"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenHashedRekords")
  void brokenHashedRekordsNameTheField(Consumer<ObjectNode> breakIt, String message) {
    expectRejected(Requests.hashedRekord(), breakIt, message);
  }

  static Stream<Arguments> brokenHashedRekords() {
    return Stream.of(
        broken(spec -> spec.remove("data"), "spec.data is required"),
        broken(spec -> spec.put("data", "x"), "spec.data must be a JSON object"),
        broken(hash(h -> h.remove("algorithm")), "spec.data.hash.algorithm is required"),
        broken(
            hash(h -> h.put("algorithm", "sha1")),
            "unsupported hash algorithm \"sha1\"; supported: sha256, sha384, sha512"),
        broken(
            hash(h -> h.put("value", "abcd")), "spec.data.hash.value must be 64 hex digits, got 4"),
        broken(
            hash(h -> h.put("value", "zz".repeat(32))), "spec.data.hash.value is not hexadecimal"),
        broken(hash(h -> h.put("value", 7)), "spec.data.hash.value must be a string"),
        broken(
            hash(h -> h.put("algorithm", "sha512")), "spec.data.hash.value must be 128 hex digits"),
        broken(
            sig(s -> s.put("content", "!!not base64!!")),
            "spec.signature.content is not valid base64"),
        broken(sig(s -> s.put("content", "")), "spec.signature.content must not be empty"),
        broken(sig(s -> s.remove("publicKey")), "spec.signature.publicKey is required"),
        broken(key("@@@"), "spec.signature.publicKey.content is not valid base64"),
        broken(
            key(b64("hello")),
            "must hold exactly one PEM block (CERTIFICATE or PUBLIC KEY), found 0"),
        broken(key(b64(Requests.certPem() + Requests.certPem())), "found 2"),
        broken(
            key(b64("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")),
            "other PEM types are not accepted"),
        broken(
            key(b64("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")),
            "not a DER X.509 certificate"),
        broken(
            key(b64("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")),
            "spec.signature.publicKey.content: "),
        broken(
            key(b64("-----BEGIN PUBLIC KEY-----\nAA*A\n-----END PUBLIC KEY-----\n")),
            "not valid base64"),
        broken(key(b64(unsupportedKeyPem())), "unsupported RSA key size 1024"),
        broken(
            sig(s -> s.put("content", Requests.B64.encodeToString(new byte[70]))),
            "does not verify"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenDsse")
  void brokenDsseNamesTheField(Consumer<ObjectNode> breakIt, String message) {
    expectRejected(Requests.dsse(), breakIt, message);
  }

  static Stream<Arguments> brokenDsse() {
    return Stream.of(
        broken(spec -> spec.remove("proposedContent"), "spec.proposedContent is required"),
        broken(
            proposed(p -> p.put("envelope", 3)), "spec.proposedContent.envelope must be a string"),
        broken(
            proposed(p -> p.putArray("verifiers")),
            "spec.proposedContent.verifiers must be a non-empty JSON array"),
        broken(
            proposed(p -> p.putArray("verifiers").add(1)),
            "spec.proposedContent.verifiers[0] must be a non-empty string"),
        broken(
            proposed(p -> p.putArray("verifiers").add("%%")),
            "spec.proposedContent.verifiers[0] is not valid base64"),
        broken(
            proposed(
                p ->
                    p.put(
                        "envelope", "{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[]}")),
            "envelope.signatures must be a non-empty JSON array"),
        broken(
            proposed(
                p ->
                    p.put(
                        "envelope",
                        "{\"payload\":\"***\",\"payloadType\":\"t\",\"signatures\":[{}]}")),
            "envelope.payload is not valid base64"),
        broken(
            proposed(
                p ->
                    p.put(
                        "envelope", "{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[1]}")),
            "envelope.signatures[0] must be a JSON object"),
        broken(
            proposed(
                p ->
                    p.put(
                        "envelope",
                        "{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[{}]}")),
            "envelope.signatures[0].sig is required"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenIntoto")
  void brokenIntotoNamesTheField(Consumer<ObjectNode> breakIt, String message) {
    expectRejected(Requests.intoto(""), breakIt, message);
  }

  static Stream<Arguments> brokenIntoto() {
    return Stream.of(
        broken(spec -> spec.remove("content"), "spec.content is required"),
        broken(
            envelope(e -> e.remove("payloadType")),
            "spec.content.envelope.payloadType is required"),
        broken(
            envelope(e -> e.put("payload", "%")),
            "spec.content.envelope.payload is not valid base64"),
        broken(
            envelope(e -> e.put("payload", b64("%"))),
            "spec.content.envelope.payload (inner base64) is not valid base64"),
        broken(
            envelope(e -> e.putArray("signatures").add("x")),
            "signatures[0] must be a JSON object"),
        broken(
            envelope(e -> e.putArray("signatures").addObject().put("sig", "AA==")),
            "signatures[0].sig (inner base64)"),
        broken(
            firstSig(s -> s.remove("publicKey")),
            "spec.content.envelope.signatures[0].publicKey is required"),
        broken(
            firstSig(
                s -> s.put("publicKey", Requests.B64.encodeToString(new byte[] {(byte) 0xff}))),
            "must be base64 of ASCII PEM text"),
        broken(firstSig(s -> s.put("keyid", 5)), "signatures[0].keyid must be a string"),
        broken(content(c -> c.put("hash", "x")), "spec.content.hash must be a JSON object"),
        broken(
            content(c -> c.putObject("hash").put("algorithm", "sha512").put("value", "00")),
            "spec.content.hash.algorithm must be sha256"),
        broken(
            content(c -> c.putObject("payloadHash").put("algorithm", "sha256").put("value", "00")),
            "spec.content.payloadHash.value must be 64 hex digits"));
  }

  @Test
  void parseOfANullNodeIsRejected() {
    assertThatThrownBy(() -> entries.parse((JsonNode) null))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining("must be a JSON object");
  }

  private void expectRejected(ObjectNode request, Consumer<ObjectNode> breakIt, String message) {
    breakIt.accept((ObjectNode) request.path("spec"));
    assertThatThrownBy(() -> entries.parse(request))
        .isInstanceOf(InvalidEntryException.class)
        .hasMessageContaining(message);
  }

  private static Arguments broken(Consumer<ObjectNode> breakSpec, String message) {
    return Arguments.of(breakSpec, message);
  }

  private static Consumer<ObjectNode> at(String pointer, Consumer<ObjectNode> change) {
    return spec -> change.accept((ObjectNode) spec.at(pointer));
  }

  private static Consumer<ObjectNode> hash(Consumer<ObjectNode> change) {
    return at("/data/hash", change);
  }

  private static Consumer<ObjectNode> sig(Consumer<ObjectNode> change) {
    return at("/signature", change);
  }

  private static Consumer<ObjectNode> key(String content) {
    return at("/signature/publicKey", k -> k.put("content", content));
  }

  private static Consumer<ObjectNode> proposed(Consumer<ObjectNode> change) {
    return at("/proposedContent", change);
  }

  private static Consumer<ObjectNode> content(Consumer<ObjectNode> change) {
    return at("/content", change);
  }

  private static Consumer<ObjectNode> envelope(Consumer<ObjectNode> change) {
    return at("/content/envelope", change);
  }

  private static Consumer<ObjectNode> firstSig(Consumer<ObjectNode> change) {
    return at("/content/envelope/signatures/0", change);
  }

  /** An RSA-1024 public key: parses, but Sigstore supports no such size. */
  private static String unsupportedKeyPem() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(1024, Requests.seeded(1));
      return PublicKeys.pem("PUBLIC KEY", g.generateKeyPair().getPublic().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
