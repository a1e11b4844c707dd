package dev.hallmark.cli.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.bundle.BundleFormatException;
import dev.hallmark.core.bundle.DsseEnvelope;
import dev.hallmark.core.bundle.MessageSignature;
import dev.hallmark.core.bundle.TlogEntry;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.Set;

/**
 * Rekor v2: {@code POST <log>/api/v2/log/entries} with {@code hashedRekordRequestV002} or {@code
 * dsseRequestV002}; the answer is already a {@code TransparencyLogEntry} (inclusion proof and
 * checkpoint, no SET), so the bundle needs an RFC 3161 timestamp as well.
 */
final class RekorV2Log implements TransparencyLog {
  private final ServiceHttp http;
  private final URI entries;

  RekorV2Log(ServiceHttp http, URI base) {
    this.http = http;
    this.entries = URI.create(base.toString().replaceAll("/+$", "") + "/api/v2/log/entries");
  }

  @Override
  public int majorApiVersion() {
    return 2;
  }

  @Override
  public TlogEntry logMessage(MessageSignature m, SignerIdentity signer) throws ServiceException {
    ObjectNode req = http.mapper().createObjectNode();
    ObjectNode hr = req.putObject("hashedRekordRequestV002");
    hr.put("digest", m.digest().base64());
    ObjectNode sig = hr.putObject("signature");
    sig.put("content", m.signature().base64());
    sig.set("verifier", verifier(signer));
    return post(req);
  }

  @Override
  public TlogEntry logDsse(DsseEnvelope env, SignerIdentity signer) throws ServiceException {
    ObjectNode req = http.mapper().createObjectNode();
    ObjectNode d = req.putObject("dsseRequestV002");
    try {
      d.set("envelope", http.mapper().readTree(env.toJson()));
    } catch (IOException e) {
      throw new IllegalStateException("the envelope's own JSON cannot be read back", e);
    }
    d.putArray("verifiers").add(verifier(signer));
    return post(req);
  }

  private ObjectNode verifier(SignerIdentity signer) {
    ObjectNode v = http.mapper().createObjectNode();
    String b64 = Base64.getEncoder().encodeToString(signer.der());
    v.putObject(signer.certificate() != null ? "x509Certificate" : "publicKey")
        .put("rawBytes", b64);
    v.put("keyDetails", signer.details().name());
    return v;
  }

  private TlogEntry post(ObjectNode request) throws ServiceException {
    JsonNode answer = http.postJson("Rekor v2 log", entries, request, Set.of(200, 201));
    try {
      return TlogEntry.parse(http.mapper().writeValueAsBytes(answer));
    } catch (BundleFormatException | IOException e) {
      throw new ServiceException("the Rekor v2 log's entry is malformed: " + e.getMessage(), e);
    }
  }
}
