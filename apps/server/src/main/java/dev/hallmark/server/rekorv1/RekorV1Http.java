package dev.hallmark.server.rekorv1;

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
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.core.merkle.Hash;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.Blocking;
import dev.hallmark.server.http.ConflictException;
import dev.hallmark.server.http.JsonBodies;
import dev.hallmark.server.http.NotFoundException;
import dev.hallmark.server.http.OpenApi;
import dev.hallmark.server.http.UnprocessableException;
import dev.hallmark.tlog.Appended;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.TransparencyLog;
import dev.hallmark.tlog.rekorv1.RekorV1Entries;
import dev.hallmark.tlog.rekorv1.V1Entry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Rekor v1 REST API on the log engine: add entries (201 with SET and inclusion proof, 409 for
 * duplicates), get by index or UUID/entry ID, retrieve, log info, consistency proofs, public key.
 * Search is in {@link RekorV1Search}. Thin: parse, call the log, render.
 */
public final class RekorV1Http {
  private final TransparencyLog log;
  private final RekorV1Entries entries;
  private final V1Json json;
  private final ObjectMapper mapper;
  private final Executor workers;
  private final String publicKeyPem;
  private final Blocking blocking = new Blocking();

  public RekorV1Http(
      TransparencyLog log,
      V1Json json,
      ObjectMapper mapper,
      Executor workers,
      String publicKeyPem) {
    this.log = log;
    this.entries = new RekorV1Entries(mapper);
    this.json = json;
    this.mapper = mapper;
    this.workers = workers;
    this.publicKeyPem = publicKeyPem;
  }

  public void mount(VirtualHostBuilder host) {
    host.route().post("/api/v1/log/entries").build((ctx, req) -> add(req));
    host.route()
        .get("/api/v1/log/entries")
        .build((ctx, req) -> blocking.run(ctx, () -> byIndex(ctx.queryParam("logIndex"))));
    host.route()
        .get("/api/v1/log/entries/{id}")
        .build((ctx, req) -> blocking.run(ctx, () -> byId(ctx.pathParam("id"))));
    host.route()
        .post("/api/v1/log/entries/retrieve")
        .build((ctx, req) -> blocking.withBody(ctx, req, this::retrieve));
    host.route().get("/api/v1/log").build((ctx, req) -> logInfo());
    host.route().get("/api/v1/log/publicKey").build((ctx, req) -> publicKey(ctx));
    host.route().get("/api/v1/log/proof").build((ctx, req) -> blocking.run(ctx, () -> proof(ctx)));
    new RekorV1Search(log, json, mapper).mount(host, blocking);
    OpenApi.mount(host, "rekor-v1.json");
  }

  private HttpResponse add(HttpRequest req) {
    CompletableFuture<HttpResponse> response =
        req.aggregate()
            .thenApplyAsync(agg -> parse(agg.content().array()), workers)
            .thenCompose(
                entry ->
                    log.append(entry.canonicalBody(), entry.searchKeys()).thenApply(this::created));
    return HttpResponse.of(response);
  }

  private V1Entry parse(byte[] body) {
    try {
      return entries.parse(body);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private HttpResponse created(Appended a) {
    String entryId = json.entryId(a.body());
    String location = "/api/v1/log/entries/" + entryId;
    if (a.duplicate()) {
      throw new ConflictException(
          "an equivalent entry already exists in the transparency log with UUID " + entryId,
          location);
    }
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.CREATED)
            .contentType(MediaType.JSON)
            .add("location", location)
            .add("etag", entryId)
            .build(),
        HttpData.wrap(JsonBodies.bytes(json.logEntry(entryId, a))));
  }

  private HttpResponse byIndex(String logIndex) throws LogUnavailableException {
    if (logIndex == null) {
      throw new BadRequestException("logIndex is required");
    }
    long index = parseNonNegative("logIndex", logIndex);
    Appended a =
        log.entry(index).orElseThrow(() -> new NotFoundException("no entry at index " + index));
    return ok(json.logEntry(a));
  }

  private HttpResponse byId(String id) throws LogUnavailableException {
    Appended a = lookup(id).orElseThrow(() -> new NotFoundException("no entry with UUID " + id));
    return ok(json.logEntry(a));
  }

  /** A 64-hex UUID or an 80-hex entry ID whose tree ID must be this log's. */
  private Optional<Appended> lookup(String id) throws LogUnavailableException {
    String hex = id.toLowerCase(java.util.Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}|[0-9a-f]{80}")) {
      throw new BadRequestException("an entry UUID has 64 hex digits, an entry ID 80: " + id);
    }
    if (hex.length() == 80) {
      if (!hex.startsWith(String.format("%016x", log.treeId()))) {
        return Optional.empty();
      }
      hex = hex.substring(16);
    }
    return log.entryByLeafHash(Hash.fromHex(hex));
  }

  private HttpResponse retrieve(AggregatedHttpRequest req) throws Exception {
    JsonNode query = readJson(req);
    ArrayNode out = mapper.createArrayNode();
    int criteria = 0;
    JsonNode uuids = query.get("entryUUIDs");
    if (uuids != null && !uuids.isNull()) {
      criteria++;
      for (JsonNode id : limited(uuids, "entryUUIDs")) {
        lookup(id.asText()).ifPresent(a -> out.add(json.logEntry(a)));
      }
    }
    JsonNode indexes = query.get("logIndexes");
    if (indexes != null && !indexes.isNull()) {
      criteria++;
      for (JsonNode i : limited(indexes, "logIndexes")) {
        if (!i.canConvertToLong() || i.asLong() < 0) {
          throw new UnprocessableException("logIndexes must be non-negative integers");
        }
        log.entry(i.asLong()).ifPresent(a -> out.add(json.logEntry(a)));
      }
    }
    JsonNode proposed = query.get("entries");
    if (proposed != null && !proposed.isNull()) {
      criteria++;
      for (JsonNode e : limited(proposed, "entries")) {
        V1Entry entry = entries.parse(e);
        log.entryByLeafHash(dev.hallmark.core.merkle.Rfc6962.leafHash(entry.canonicalBody()))
            .ifPresent(a -> out.add(json.logEntry(a)));
      }
    }
    if (criteria == 0) {
      throw new UnprocessableException("give entryUUIDs, logIndexes or entries");
    }
    return ok(out);
  }

  private static Iterable<JsonNode> limited(JsonNode list, String name) {
    if (!list.isArray()) {
      throw new UnprocessableException(name + " must be a list");
    }
    if (list.size() > 10) {
      throw new UnprocessableException(name + " has " + list.size() + " items; at most 10");
    }
    return list;
  }

  private JsonNode readJson(AggregatedHttpRequest req) {
    try {
      JsonNode node = mapper.readTree(req.content().array());
      if (node == null || !node.isObject()) {
        throw new BadRequestException("request body must be a JSON object");
      }
      return node;
    } catch (java.io.IOException e) {
      throw new BadRequestException("request body is not valid JSON");
    }
  }

  private HttpResponse logInfo() throws LogUnavailableException {
    var latest = log.latest();
    ObjectNode info = mapper.createObjectNode();
    info.put("rootHash", latest.rootHash().hex());
    info.put("signedTreeHead", latest.checkpoint());
    info.put("treeID", Long.toString(log.treeId()));
    info.put("treeSize", latest.size());
    return ok(info);
  }

  private HttpResponse publicKey(ServiceRequestContext ctx) {
    String treeId = ctx.queryParam("treeID");
    if (treeId != null && !treeId.equals(Long.toString(log.treeId()))) {
      throw new NotFoundException("no tree " + treeId + " in this log");
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.parse("application/x-pem-file"), publicKeyPem);
  }

  private HttpResponse proof(ServiceRequestContext ctx) throws LogUnavailableException {
    String last = ctx.queryParam("lastSize");
    if (last == null) {
      throw new BadRequestException("lastSize is required");
    }
    String treeId = ctx.queryParam("treeID");
    if (treeId != null && !treeId.equals(Long.toString(log.treeId()))) {
      throw new NotFoundException("no tree " + treeId + " in this log");
    }
    long lastSize = parseNonNegative("lastSize", last);
    String first = ctx.queryParam("firstSize");
    long firstSize = first == null ? 1 : parseNonNegative("firstSize", first);
    long size = log.latest().size();
    if (firstSize < 1 || firstSize > lastSize || lastSize > size) {
      throw new BadRequestException(
          "need 1 <= firstSize <= lastSize <= tree size "
              + size
              + "; got "
              + firstSize
              + " and "
              + lastSize);
    }
    ObjectNode out = mapper.createObjectNode();
    out.put("rootHash", log.rootAt(lastSize).hex());
    ArrayNode hashes = out.putArray("hashes");
    log.consistencyProof(firstSize, lastSize).forEach(h -> hashes.add(h.hex()));
    return ok(out);
  }

  private static long parseNonNegative(String name, String value) {
    try {
      long n = Long.parseLong(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new BadRequestException(name + " must be a non-negative integer, not " + value);
  }

  static HttpResponse ok(JsonNode body) {
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, HttpData.wrap(JsonBodies.bytes(body)));
  }
}
