package dev.hallmark.cli;

import java.util.Map;

/** Chooses the log format before logging starts: {@code HALLMARK_LOG_FORMAT=json|text}. */
final class LogFormat {
  private LogFormat() {}

  static void configure(Map<String, String> env) {
    if (System.getProperty("logback.configurationFile") != null) {
      return;
    }
    String format = env.getOrDefault("HALLMARK_LOG_FORMAT", "text");
    System.setProperty(
        "logback.configurationFile",
        format.equals("json") ? "logback-json.xml" : "logback-text.xml");
  }
}
