package dev.hallmark.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory sink: stores JSON objects by SHA-256 (duplicates answered as such), refuses anything
 * else. It can be made unavailable ({@link #unavailableAfter}) or to crash ({@link #crashAfter})
 * after a number of stores.
 */
final class RecordingSink implements DocumentSink {
  private static final ObjectMapper JSON = new ObjectMapper();
  final Map<String, byte[]> byDigest = new ConcurrentHashMap<>();
  final List<String> names = new CopyOnWriteArrayList<>();
  final List<Map<String, String>> labels = new CopyOnWriteArrayList<>();
  volatile int unavailableAfter = Integer.MAX_VALUE;
  volatile int crashAfter = Integer.MAX_VALUE;
  volatile Runnable beforeIngest = () -> {};

  @Override
  public Outcome ingest(DocumentType type, byte[] bytes, String name, Map<String, String> labels)
      throws IOException {
    beforeIngest.run();
    if (names.size() >= crashAfter) {
      throw new IllegalStateException("sink crashed");
    }
    if (names.size() >= unavailableAfter) {
      throw new IOException("store unavailable");
    }
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (IOException e) {
      return Outcome.rejected("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (json == null || !json.isObject()) {
      return Outcome.rejected("not a JSON object");
    }
    String digest = sha256(bytes);
    if (byDigest.putIfAbsent(digest, bytes) != null) {
      return Outcome.duplicate("sha256:" + digest);
    }
    names.add(name);
    this.labels.add(labels);
    return Outcome.stored("sha256:" + digest);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
