package dev.hallmark.analyzer.internal;

import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.CsafAdvisory;
import dev.hallmark.core.advisory.CsafProduct;
import dev.hallmark.core.advisory.CsafRelationship;
import dev.hallmark.core.advisory.CsafVulnerability;
import dev.hallmark.core.advisory.CveRecord;
import dev.hallmark.core.advisory.OsvAdvisory;
import dev.hallmark.core.advisory.ProductStatus;
import dev.hallmark.core.match.Cpe;
import dev.hallmark.core.match.CpeException;
import dev.hallmark.core.match.PackageUrl;
import dev.hallmark.core.match.PurlException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an advisory's vulnerabilities and what it says about each product, in the caller's
 * transaction. Products are identified by purl, CPE or hash; CSAF products through the product tree
 * and its relationships (the relationship's target is kept as the product context); the text of a
 * product without machine identity is kept but never links to a purl or CPE row.
 */
public final class AdvisoryWriter {
  private final Connection connection;
  private final UUID advisory;
  private final Identities identities;
  private final Warnings warnings;
  private final Map<String, VulnerabilityRow> vulnerabilities = new LinkedHashMap<>();
  private final List<ProductRow> products = new ArrayList<>();

  private record VulnerabilityRow(String id, String title, String cwe, Set<String> aliases) {}

  private record ProductRow(
      String vulnerability,
      String status,
      String productId,
      String context,
      PackageUrl purl,
      Cpe cpe,
      String identifier) {}

  public AdvisoryWriter(
      Connection connection, UUID advisory, Identities identities, Warnings warnings) {
    this.connection = connection;
    this.advisory = advisory;
    this.identities = identities;
    this.warnings = warnings;
  }

  /** Writes the advisory's rows; answers the number of vulnerabilities. */
  public int write(Advisory a) throws SQLException {
    if (a instanceof CsafAdvisory csaf) {
      csaf(csaf);
    } else if (a instanceof OsvAdvisory osv) {
      osv(osv);
    } else if (a instanceof CveRecord cve) {
      cve(cve);
    }
    flush();
    return vulnerabilities.size();
  }

  private void osv(OsvAdvisory osv) {
    vulnerability(osv.id(), osv.summary(), null, osv.aliases());
    for (OsvAdvisory.Affected affected : osv.affected()) {
      if (affected.purl() != null) {
        product(osv.id(), "affected", null, null, affected.purl(), null);
      } else if (affected.name() != null) {
        Optional<PackageUrl> purl = OsvPurls.of(affected.ecosystem(), affected.name());
        if (purl.isPresent()) {
          product(osv.id(), "affected", null, null, purl.get().toString(), null);
        } else {
          text(osv.id(), "affected", null, null, affected.ecosystem() + ":" + affected.name());
        }
      }
    }
  }

  private void cve(CveRecord cve) {
    vulnerability(
        cve.id(), cve.title(), cve.cwes().isEmpty() ? null : cve.cwes().get(0), List.of());
    for (CveRecord.Affected affected : cve.affected()) {
      String status = cveStatus(affected);
      if (!affected.cpes().isEmpty()) {
        for (String cpe : affected.cpes()) {
          product(cve.id(), status, null, null, null, cpe);
        }
      } else {
        String name =
            affected.packageName() != null
                ? affected.packageName()
                : affected.vendor() + "/" + affected.product();
        text(cve.id(), status, null, null, name);
      }
    }
    for (String cpe : cve.cpeApplicability()) {
      product(cve.id(), "affected", null, null, null, cpe);
    }
  }

  /** {@code affected} when any version or the default says so, else the default or unknown. */
  private static String cveStatus(CveRecord.Affected affected) {
    if ("affected".equals(affected.defaultStatus())
        || affected.versions().stream().anyMatch(v -> v.status().equals("affected"))) {
      return "affected";
    }
    return affected.defaultStatus() != null ? affected.defaultStatus() : "unknown";
  }

  private void csaf(CsafAdvisory csaf) {
    int n = 0;
    for (CsafVulnerability v : csaf.vulnerabilities()) {
      n++;
      String id =
          v.cve() != null ? v.cve() : v.ids().isEmpty() ? csaf.id() + "#" + n : v.ids().get(0);
      List<String> aliases = new ArrayList<>(v.ids());
      aliases.remove(id);
      vulnerability(id, v.title(), v.cwe(), aliases);
      for (ProductStatus status : ProductStatus.values()) {
        for (String productId : v.products(status)) {
          Optional<CsafRelationship> relationship = csaf.relationshipOf(productId);
          String component = relationship.map(CsafRelationship::productReference).orElse(productId);
          String context = relationship.map(CsafRelationship::relatesTo).orElse(null);
          Optional<CsafProduct> product = csaf.product(component);
          if (product.isEmpty()) {
            warnings.add(id + ": product " + productId + " is not in the product tree");
            continue;
          }
          CsafProduct p = product.get();
          if (p.purl() != null || p.cpe() != null) {
            product(id, status.field(), productId, context, p.purl(), p.cpe());
          } else if (!p.hashes().isEmpty()) {
            CsafProduct.FileHash h = p.hashes().get(0);
            text(id, status.field(), productId, context, h.algorithm() + ":" + h.value());
          } else {
            text(id, status.field(), productId, context, p.name());
          }
        }
      }
    }
  }

  private void vulnerability(String id, String title, String cwe, List<String> aliases) {
    VulnerabilityRow row =
        vulnerabilities.computeIfAbsent(
            id, k -> new VulnerabilityRow(k, title, cwe, new LinkedHashSet<>()));
    row.aliases().addAll(aliases);
  }

  private void product(
      String vulnerability,
      String status,
      String productId,
      String context,
      String purl,
      String cpe) {
    PackageUrl parsedPurl = null;
    Cpe parsedCpe = null;
    if (purl != null) {
      try {
        parsedPurl = PackageUrl.parse(purl);
      } catch (PurlException | IllegalArgumentException e) {
        warnings.add(vulnerability + ": purl " + purl + " ignored: " + e.getMessage());
      }
    }
    if (cpe != null) {
      try {
        parsedCpe = Cpe.parse(cpe);
      } catch (CpeException | IllegalArgumentException e) {
        warnings.add(vulnerability + ": CPE " + cpe + " ignored: " + e.getMessage());
      }
    }
    if (parsedPurl == null && parsedCpe == null) {
      text(vulnerability, status, productId, context, purl != null ? purl : cpe);
      return;
    }
    String identifier = parsedPurl != null ? parsedPurl.toString() : parsedCpe.toFormattedString();
    products.add(
        new ProductRow(
            vulnerability, status, productId, context, parsedPurl, parsedCpe, identifier));
  }

  private void text(
      String vulnerability, String status, String productId, String context, String identifier) {
    products.add(new ProductRow(vulnerability, status, productId, context, null, null, identifier));
  }

  private void flush() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO advisory_vulnerability (advisory, vulnerability, title, cwe, aliases)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (VulnerabilityRow v : vulnerabilities.values()) {
        ps.setObject(1, advisory);
        ps.setString(2, v.id());
        ps.setString(3, v.title());
        ps.setString(4, v.cwe());
        ps.setArray(5, connection.createArrayOf("text", v.aliases().toArray()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Map<String, Long> purlIds =
        identities.purls(products.stream().map(ProductRow::purl).filter(p -> p != null).toList());
    Map<String, Long> cpeIds =
        identities.cpes(products.stream().map(ProductRow::cpe).filter(c -> c != null).toList());
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO advisory_product (advisory, seq, vulnerability, status, product_id,"
                + " context, purl, cpe, identifier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int seq = 0;
      for (ProductRow p : products) {
        ps.setObject(1, advisory);
        ps.setInt(2, seq++);
        ps.setString(3, p.vulnerability());
        ps.setString(4, p.status());
        ps.setString(5, p.productId());
        ps.setString(6, p.context());
        if (p.purl() != null) {
          ps.setLong(7, purlIds.get(p.purl().toString()));
        } else {
          ps.setNull(7, Types.BIGINT);
        }
        if (p.cpe() != null) {
          ps.setLong(8, cpeIds.get(p.cpe().toFormattedString()));
        } else {
          ps.setNull(8, Types.BIGINT);
        }
        ps.setString(9, p.identifier() == null ? "" : p.identifier());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** For the document row. */
  public static String specVersion(Advisory a) {
    if (a instanceof CveRecord cve) {
      return cve.dataVersion();
    }
    if (a instanceof OsvAdvisory osv) {
      return osv.schemaVersion() == null ? "" : osv.schemaVersion();
    }
    return "2.0";
  }

  /** For the document row. */
  public static String title(Advisory a) {
    if (a instanceof CsafAdvisory csaf) {
      return csaf.title();
    }
    if (a instanceof CveRecord cve) {
      return cve.title();
    }
    return ((OsvAdvisory) a).summary();
  }

  /** For the document row. */
  public static String published(Advisory a) {
    if (a instanceof CsafAdvisory csaf) {
      return csaf.initialRelease();
    }
    if (a instanceof CveRecord cve) {
      return cve.datePublished();
    }
    return ((OsvAdvisory) a).published();
  }
}
