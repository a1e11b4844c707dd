package dev.hallmark.core.advisory;

import java.util.Objects;

/**
 * A link from an advisory.
 *
 * @param type OSV reference type, CSAF category ({@code self}, {@code external}) or CVE tag; may be
 *     null
 * @param url the URL
 * @param summary a description, or null
 */
public record Reference(String type, String url, String summary) {
  public Reference {
    Objects.requireNonNull(url, "url");
  }
}
