package dev.hallmark.analyzer;

import java.util.Locale;

/** The two kinds of documents the analyzer stores. */
public enum DocumentKind {
  SBOM,
  ADVISORY;

  /** The value stored in the database and shown in the API ({@code sbom}, {@code advisory}). */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
