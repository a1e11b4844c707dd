package dev.hallmark.server.rekorv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.VirtualHostBuilder;
import dev.hallmark.server.http.BadRequestException;
import dev.hallmark.server.http.Blocking;
import dev.hallmark.tlog.LogUnavailableException;
import dev.hallmark.tlog.TransparencyLog;
import dev.hallmark.tlog.rekorv1.SearchKeys;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /api/v1/index/retrieve}: entries by artifact hash, email, or public key /
 * certificate, combined with {@code and} (default) or {@code or}. Each criterion is one lookup in
 * the {@code tlog_search} index. Answers entry IDs in log order, at most {@value #LIMIT}.
 */
final class RekorV1Search {
  static final int LIMIT = 1000;
  private final TransparencyLog log;
  private final V1Json json;
  private final ObjectMapper mapper;

  RekorV1Search(TransparencyLog log, V1Json json, ObjectMapper mapper) {
    this.log = log;
    this.json = json;
    this.mapper = mapper;
  }

  void mount(VirtualHostBuilder host, Blocking blocking) {
    host.route()
        .post("/api/v1/index/retrieve")
        .build((ctx, req) -> blocking.withBody(ctx, req, this::search));
  }

  private HttpResponse search(AggregatedHttpRequest req) throws Exception {
    JsonNode query;
    try {
      query = mapper.readTree(req.content().array());
    } catch (java.io.IOException e) {
      throw new BadRequestException("request body is not valid JSON");
    }
    if (query == null || !query.isObject()) {
      throw new BadRequestException("request body must be a JSON object");
    }
    List<List<String>> criteria = new ArrayList<>();
    String hash = text(query, "hash");
    if (hash != null) {
      criteria.add(List.of(SearchKeys.forSearchHash(hash)));
    }
    String email = text(query, "email");
    if (email != null) {
      if (!email.contains("@")) {
        throw new BadRequestException("email is not an email address: " + email);
      }
      criteria.add(List.of(SearchKeys.email(email)));
    }
    JsonNode key = query.get("publicKey");
    if (key != null && !key.isNull()) {
      String format = text(key, "format");
      String content = text(key, "content");
      if (format == null || content == null) {
        throw new BadRequestException("publicKey needs format and content");
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(content);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("publicKey.content is not base64");
      }
      criteria.add(SearchKeys.forSearchPublicKey(format, bytes));
    }
    if (criteria.isEmpty()) {
      throw new BadRequestException("give at least one of hash, email and publicKey");
    }
    String operator = text(query, "operator");
    boolean and;
    if (operator == null || operator.toLowerCase(Locale.ROOT).equals("and")) {
      and = true;
    } else if (operator.toLowerCase(Locale.ROOT).equals("or")) {
      and = false;
    } else {
      throw new BadRequestException("operator must be 'and' or 'or', not " + operator);
    }
    Set<Long> result = null;
    for (List<String> criterion : criteria) {
      Set<Long> found = new LinkedHashSet<>(log.search(criterion, false, Integer.MAX_VALUE));
      if (result == null) {
        result = found;
      } else if (and) {
        result.retainAll(found);
      } else {
        result.addAll(found);
      }
    }
    ArrayNode out = mapper.createArrayNode();
    result.stream()
        .sorted()
        .limit(LIMIT)
        .forEach(
            index -> {
              try {
                log.entry(index).ifPresent(a -> out.add(json.entryId(a.body())));
              } catch (LogUnavailableException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    return RekorV1Http.ok(out);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new BadRequestException(field + " must be a string");
    }
    return v.textValue();
  }
}
