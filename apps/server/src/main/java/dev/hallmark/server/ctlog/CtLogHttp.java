package dev.hallmark.server.ctlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.core.ct.SignedCertificateTimestamp;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.ctlog.CtChainException;
import dev.hallmark.ctlog.CtEntry;
import dev.hallmark.ctlog.CtLog;
import dev.hallmark.ctlog.SignedTreeHead;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.Blocking;
import dev.hallmark.server.http.NotFoundException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The RFC 6962 HTTP API of the CT log under {@code /ct/v1/}: add-chain, add-pre-chain, get-sth,
 * get-sth-consistency, get-proof-by-hash, get-entries, get-roots. Thin: parse, call, render.
 */
public final class CtLogHttp {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private final CtLog ct;
  private final ObjectMapper mapper;
  private final Blocking blocking = new Blocking();

  public CtLogHttp(CtLog ct, ObjectMapper mapper) {
    this.ct = ct;
    this.mapper = mapper;
  }

  public void mount(VirtualHostBuilder host) {
    host.route().post("/ct/v1/add-pre-chain").build((ctx, req) -> add(req, true));
    host.route().post("/ct/v1/add-chain").build((ctx, req) -> add(req, false));
    host.route().get("/ct/v1/get-sth").build((ctx, req) -> blocking.run(ctx, this::sth));
    host.route()
        .get("/ct/v1/get-sth-consistency")
        .build((ctx, req) -> blocking.run(ctx, () -> consistency(ctx)));
    host.route()
        .get("/ct/v1/get-proof-by-hash")
        .build((ctx, req) -> blocking.run(ctx, () -> proofByHash(ctx)));
    host.route()
        .get("/ct/v1/get-entries")
        .build((ctx, req) -> blocking.run(ctx, () -> entries(ctx)));
    host.route().get("/ct/v1/get-roots").build((ctx, req) -> roots());
  }

  private HttpResponse add(HttpRequest req, boolean precert) {
    return HttpResponse.of(
        req.aggregate()
            .thenCompose(agg -> submit(agg, precert))
            .thenApply(sct -> json(sctJson(sct))));
  }

  private CompletableFuture<SignedCertificateTimestamp> submit(
      AggregatedHttpRequest agg, boolean precert) {
    List<byte[]> chain = new ArrayList<>();
    try {
      JsonNode body = mapper.readTree(agg.content().array());
      JsonNode list = body == null ? null : body.get("chain");
      if (list == null || !list.isArray()) {
        throw new BadRequestException("request needs \"chain\": [base64 DER certificates]");
      }
      for (JsonNode c : list) {
        chain.add(Base64.getDecoder().decode(c.asText()));
      }
      return precert ? ct.addPreChain(chain) : ct.addChain(chain);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new BadRequestException("request body is not a JSON chain of base64 certificates");
    } catch (CtChainException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private ObjectNode sctJson(SignedCertificateTimestamp sct) {
    ObjectNode o = mapper.createObjectNode();
    o.put("sct_version", sct.version());
    o.put("id", B64.encodeToString(sct.logId()));
    o.put("timestamp", sct.timestamp());
    o.put("extensions", B64.encodeToString(sct.extensions()));
    byte[] sig = sct.signature();
    byte[] ds = new byte[4 + sig.length];
    ds[0] = (byte) sct.hashAlgorithm().code();
    ds[1] = (byte) sct.signatureAlgorithm().code();
    ds[2] = (byte) (sig.length >>> 8);
    ds[3] = (byte) sig.length;
    System.arraycopy(sig, 0, ds, 4, sig.length);
    o.put("signature", B64.encodeToString(ds));
    return o;
  }

  private HttpResponse sth() throws Exception {
    SignedTreeHead sth = ct.signedTreeHead();
    ObjectNode o = mapper.createObjectNode();
    o.put("tree_size", sth.treeSize());
    o.put("timestamp", sth.timestamp());
    o.put("sha256_root_hash", sth.rootHash().base64());
    o.put("tree_head_signature", B64.encodeToString(sth.signature()));
    return json(o);
  }

  private HttpResponse consistency(ServiceRequestContext ctx) throws Exception {
    long first = number(ctx, "first");
    long second = number(ctx, "second");
    long size = ct.latest().size();
    if (first < 1 || first > second || second > size) {
      throw new BadRequestException(
          "need 1 <= first <= second <= tree size " + size + "; got " + first + ", " + second);
    }
    ObjectNode o = mapper.createObjectNode();
    ArrayNode proof = o.putArray("consistency");
    ct.consistency(first, second).forEach(h -> proof.add(h.base64()));
    return json(o);
  }

  private HttpResponse proofByHash(ServiceRequestContext ctx) throws Exception {
    String hash = ctx.queryParam("hash");
    long size = number(ctx, "tree_size");
    if (hash == null) {
      throw new BadRequestException("hash is required");
    }
    Hash leaf;
    try {
      leaf = Hash.of(Base64.getDecoder().decode(hash));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("hash must be a base64 SHA-256 leaf hash");
    }
    if (size < 1 || size > ct.latest().size()) {
      throw new BadRequestException("tree_size must be 1.." + ct.latest().size());
    }
    CtLog.InclusionAnswer answer;
    try {
      answer = ct.proofByHash(leaf, size);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(e.getMessage());
    }
    ObjectNode o = mapper.createObjectNode();
    o.put("leaf_index", answer.leafIndex());
    ArrayNode path = o.putArray("audit_path");
    answer.auditPath().forEach(h -> path.add(h.base64()));
    return json(o);
  }

  private HttpResponse entries(ServiceRequestContext ctx) throws Exception {
    long start = number(ctx, "start");
    long end = number(ctx, "end");
    if (start < 0 || end < start) {
      throw new BadRequestException("need 0 <= start <= end");
    }
    if (start >= ct.latest().size()) {
      throw new BadRequestException("start is beyond the tree size " + ct.latest().size());
    }
    ObjectNode o = mapper.createObjectNode();
    ArrayNode list = o.putArray("entries");
    for (CtEntry e : ct.entries(start, end)) {
      list.addObject()
          .put("leaf_input", B64.encodeToString(e.leafInput()))
          .put("extra_data", B64.encodeToString(e.extraData()));
    }
    return json(o);
  }

  private HttpResponse roots() throws CertificateEncodingException {
    ObjectNode o = mapper.createObjectNode();
    ArrayNode certs = o.putArray("certificates");
    for (X509Certificate root : ct.roots()) {
      certs.add(B64.encodeToString(root.getEncoded()));
    }
    return json(o);
  }

  private static long number(ServiceRequestContext ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null) {
      throw new BadRequestException(name + " is required");
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be an integer, not " + v);
    }
  }

  private static HttpResponse json(JsonNode node) {
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, HttpData.ofUtf8(node.toString()));
  }
}
