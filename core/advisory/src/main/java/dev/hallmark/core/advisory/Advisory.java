package dev.hallmark.core.advisory;

/** A parsed advisory of one of the supported formats. */
public sealed interface Advisory permits CsafAdvisory, OsvAdvisory, CveRecord {
  /** The advisory's own id (CSAF tracking id, OSV id, CVE id). */
  String id();

  /** The format it was read from. */
  AdvisoryFormat format();
}
