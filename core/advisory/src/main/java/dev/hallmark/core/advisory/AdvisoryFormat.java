package dev.hallmark.core.advisory;

/** The advisory formats this library reads. */
public enum AdvisoryFormat {
  /** OASIS CSAF 2.0 ({@code document.csaf_version}). */
  CSAF,
  /** OSV, JSON or YAML (top-level {@code id}). */
  OSV,
  /** CVE Record Format 5.0–5.2 ({@code dataType: CVE_RECORD}). */
  CVE
}
