package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.bundle.Bytes;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.InclusionProof;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.bundle.TlogEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rekor v1: {@code POST <log>/api/v1/log/entries} with a {@code hashedrekord} 0.0.1 or {@code dsse}
 * 0.0.1 proposed entry; the {@code LogEntry} answer (hex log ID and proof hashes, SET, checkpoint)
 * becomes a bundle {@code TransparencyLogEntry}.
 */
final class RekorV1Log implements TransparencyLog {
  private static final String LOG = "Rekor v1 log";

  private final ServiceHttp http;
  private final URI entries;

  RekorV1Log(ServiceHttp http, URI base) {
    this.http = http;
    this.entries = URI.create(base.toString().replaceAll("/+$", "") + "/api/v1/log/entries");
  }

  @Override
  public int majorApiVersion() {
    return 1;
  }

  @Override
  public TlogEntry logMessage(MessageSignature m, SignerIdentity signer) throws ServiceException {
    ObjectNode req = proposed("hashedrekord");
    ObjectNode spec = req.putObject("spec");
    ObjectNode hash = spec.putObject("data").putObject("hash");
    hash.put("algorithm", m.digestAlgorithm().jcaName().replace("-", "").toLowerCase(Locale.ROOT));
    hash.put("value", m.digest().hex());
    ObjectNode sig = spec.putObject("signature");
    sig.put("content", m.signature().base64());
    sig.putObject("publicKey").put("content", b64(signer.pem()));
    return post(req);
  }

  @Override
  public TlogEntry logDsse(DsseEnvelope env, SignerIdentity signer) throws ServiceException {
    ObjectNode req = proposed("dsse");
    ObjectNode content = req.putObject("spec").putObject("proposedContent");
    content.put("envelope", new String(env.toJson(), StandardCharsets.UTF_8));
    content.putArray("verifiers").add(b64(signer.pem()));
    return post(req);
  }

  private ObjectNode proposed(String kind) {
    ObjectNode req = http.mapper().createObjectNode();
    req.put("apiVersion", "0.0.1");
    req.put("kind", kind);
    return req;
  }

  private TlogEntry post(ObjectNode request) throws ServiceException {
    byte[] body;
    try {
      body = http.mapper().writeValueAsBytes(request);
    } catch (IOException e) {
      throw new IllegalStateException("request cannot be serialized", e);
    }
    ServiceHttp.Answer posted =
        http.postForAnswer(LOG, entries, "application/json", "application/json", body);
    JsonNode answer;
    if (posted.status() == 409 && posted.location().isPresent()) {
      // the same entry is in the log already (a deterministic signature made again, or a retry):
      // use the logged one, which the bundle check then verifies like a new one
      answer = http.getJson(LOG, entries.resolve(posted.location().get()));
    } else {
      answer = http.json(LOG, http.check(LOG, entries, posted, Set.of(200, 201)).body());
    }
    Iterator<JsonNode> values = answer.elements();
    if (answer.size() != 1) {
      throw new ServiceException("the Rekor v1 log answered " + answer.size() + " entries, not 1");
    }
    try {
      return entry(values.next());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ServiceException("the Rekor v1 log's entry is malformed: " + e.getMessage(), e);
    }
  }

  private TlogEntry entry(JsonNode e) throws ServiceException {
    HexFormat hex = HexFormat.of();
    byte[] body = Base64.getDecoder().decode(text(e, "body"));
    JsonNode parsed;
    try {
      parsed = http.mapper().readTree(body);
    } catch (IOException ex) {
      throw new ServiceException("the Rekor v1 log's entry body is not JSON", ex);
    }
    JsonNode verification = e.path("verification");
    JsonNode p = verification.path("inclusionProof");
    InclusionProof proof = null;
    if (p.isObject()) {
      List<Bytes> hashes = new ArrayList<>();
      for (JsonNode h : p.path("hashes")) {
        hashes.add(Bytes.of(hex.parseHex(h.asText())));
      }
      proof =
          new InclusionProof(
              p.path("logIndex").asLong(),
              Bytes.of(hex.parseHex(text(p, "rootHash"))),
              p.path("treeSize").asLong(),
              hashes,
              p.path("checkpoint").asText(""));
    }
    JsonNode set = verification.get("signedEntryTimestamp");
    return new TlogEntry(
        e.path("logIndex").asLong(-1),
        Bytes.of(hex.parseHex(text(e, "logID"))),
        text(parsed, "kind"),
        text(parsed, "apiVersion"),
        e.path("integratedTime").asLong(),
        set == null ? Bytes.empty() : Bytes.of(Base64.getDecoder().decode(set.asText())),
        proof,
        Bytes.of(body));
  }

  private static String text(JsonNode o, String field) throws ServiceException {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new ServiceException("the Rekor v1 log's entry has no " + field);
    }
    return v.asText();
  }

  private static String b64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
