package dev.hallmark.core.advisory;

import java.util.List;
import java.util.Objects;

/**
 * A CVE Record (format 5.0–5.2): the CNA container and every ADP container flattened, each item
 * keeping its source.
 *
 * @param id the CVE id
 * @param dataVersion {@code dataVersion} as written
 * @param state {@code PUBLISHED} or {@code REJECTED}
 * @param assigner the assigner's short name, or null
 * @param datePublished as written, or null
 * @param title the CNA title, or null
 * @param descriptions English descriptions (all languages when none is English)
 * @param cwes CWE ids from the problem types
 * @param affected affected products of the CNA and ADP containers
 * @param cpeApplicability CPE match criteria of {@code cpeApplicability} nodes (5.1+), as {@code
 *     cpe} strings, vulnerable ones only
 * @param metrics every metric of the CNA and ADP containers
 * @param references the references
 */
public record CveRecord(
    String id,
    String dataVersion,
    String state,
    String assigner,
    String datePublished,
    String title,
    List<String> descriptions,
    List<String> cwes,
    List<Affected> affected,
    List<String> cpeApplicability,
    List<Score> metrics,
    List<Reference> references)
    implements Advisory {
  public CveRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataVersion, "dataVersion");
    Objects.requireNonNull(state, "state");
    descriptions = List.copyOf(descriptions);
    cwes = List.copyOf(cwes);
    affected = List.copyOf(affected);
    cpeApplicability = List.copyOf(cpeApplicability);
    metrics = List.copyOf(metrics);
    references = List.copyOf(references);
  }

  @Override
  public AdvisoryFormat format() {
    return AdvisoryFormat.CVE;
  }

  /**
   * An {@code affected[]} entry.
   *
   * @param source {@code cna} or the ADP's short name
   * @param vendor the vendor, or null
   * @param product the product, or null
   * @param packageName {@code packageName}, or null
   * @param collectionUrl {@code collectionURL}, or null
   * @param defaultStatus {@code defaultStatus}, or null
   * @param cpes its CPEs
   * @param versions its versions and ranges
   */
  public record Affected(
      String source,
      String vendor,
      String product,
      String packageName,
      String collectionUrl,
      String defaultStatus,
      List<String> cpes,
      List<Version> versions) {
    public Affected {
      cpes = List.copyOf(cpes);
      versions = List.copyOf(versions);
    }
  }

  /**
   * A version or version range.
   *
   * @param version the (start) version
   * @param status {@code affected}, {@code unaffected} or {@code unknown}
   * @param lessThan exclusive end, or null
   * @param lessThanOrEqual inclusive end, or null
   * @param versionType {@code semver}, {@code git}, {@code custom}..., or null
   * @param changes status changes within the range
   */
  public record Version(
      String version,
      String status,
      String lessThan,
      String lessThanOrEqual,
      String versionType,
      List<Change> changes) {
    public Version {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(status, "status");
      changes = List.copyOf(changes);
    }
  }

  /**
   * A status change at a version inside a range.
   *
   * @param at the version
   * @param status the status from there on
   */
  public record Change(String at, String status) {}
}
