package dev.hallmark.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;

/** An RFC 9457 problem detail, rendered as {@code application/problem+json}. */
public record Problem(HttpStatus status, String title, String detail, String location) {
  public static final MediaType PROBLEM_JSON = MediaType.parse("application/problem+json");

  public Problem(HttpStatus status, String title, String detail) {
    this(status, title, detail, null);
  }

  /**
   * The problem document; it also carries Rekor v1's error fields ({@code code}, {@code message})
   * so that v1 clients read it as they read upstream errors.
   */
  public AggregatedHttpResponse toAggregated() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("type", "about:blank");
    json.put("title", title);
    json.put("status", status.code());
    json.put("detail", detail == null ? title : detail);
    json.put("code", status.code());
    json.put("message", detail == null ? title : detail);
    ResponseHeadersBuilder headers = ResponseHeaders.builder(status).contentType(PROBLEM_JSON);
    if (location != null) {
      headers.add("location", location);
    }
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      headers.add("retry-after", "1");
    }
    return AggregatedHttpResponse.of(headers.build(), HttpData.ofUtf8(json.toString()));
  }

  public HttpResponse toResponse() {
    return toAggregated().toHttpResponse();
  }
}
