package dev.hallmark.cli.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hallmark sbom}: upload, list and read SBOMs stored by the analyzer. */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    description = {
      "SBOMs in the analyzer ('hallmark up' serves it; --url or the endpoints file say where).",
      "'upload' sends files or directories (SPDX 2.2/2.3/3.0, CycloneDX 1.3-1.6, JSON or XML,",
      "plain or compressed), 'list' queries, 'show', 'packages' and 'related' read one SBOM,",
      "'findings' shows its vulnerability findings, 'label' edits its labels."
    },
    subcommands = {
      SbomCommand.Upload.class,
      SbomCommand.ListSboms.class,
      SbomCommand.Show.class,
      SbomCommand.Packages.class,
      SbomCommand.Related.class,
      FindingsCommand.class,
      SbomCommand.Label.class
    })
public final class SbomCommand {
  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = {
        "Upload SBOM files (directories: every file below). Shows progress on a terminal and",
        "ends with a summary listing each failure. Exit 0 when all were stored (or already",
        "were), 1 when any failed, 2 on usage errors or when the analyzer cannot be reached."
      })
  static final class Upload extends UploadCommand {
    @Override
    String kind() {
      return "sbom";
    }
  }

  /** Options of the list commands. */
  static final class Paging {
    @Option(
        names = "--query",
        paramLabel = "Q",
        description =
            "Filter, e.g. 'name~openssl&label:type=rpm' (fields: name, document_id,"
                + " format, spec_version, sha256, published, ingested, size, items, label:<key>).")
    String q = "";

    @Option(names = "--sort", paramLabel = "FIELD[:desc]", description = "Order.")
    String sort = "";

    @Option(names = "--offset", paramLabel = "N", description = "Skip N (default 0).")
    long offset;

    @Option(names = "--limit", paramLabel = "N", description = "At most N (default 50; 0: all).")
    long limit = 50;

    String query() {
      return "?q="
          + AnalyzerClient.encode(q)
          + "&sort="
          + AnalyzerClient.encode(sort)
          + "&offset="
          + offset
          + "&limit="
          + limit;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List stored SBOMs: id, packages, format and name; then the total.")
  static final class ListSboms extends ApiCommand.Reader {
    @Mixin Paging paging;

    @Override
    String path() {
      return "/api/v2/sbom" + paging.query();
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      for (JsonNode d : body.path("items")) {
        out.printf(
            "%s  %6d  %-14s %s%n",
            d.path("id").asText(),
            d.path("number_of_packages").asInt(),
            d.path("format").asText(),
            d.path("name").asText());
      }
      out.println(body.path("total").asLong() + " SBOM(s)");
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one SBOM (id urn:uuid:... or sha256:...).")
  static final class Show extends ApiCommand.Reader {
    @Parameters(paramLabel = "ID", description = "urn:uuid:<uuid> or sha256:<hex>")
    String id;

    @Override
    String path() {
      return "/api/v2/sbom/" + AnalyzerClient.encode(id);
    }

    @Override
    void text(PrintWriter out, JsonNode d) {
      out.println("id           " + d.path("id").asText());
      out.println("name         " + d.path("name").asText());
      out.println(
          "format       " + d.path("format").asText() + " " + d.path("spec_version").asText());
      out.println("document id  " + d.path("document_id").asText(""));
      out.println("sha256       " + d.path("sha256").asText());
      out.println("size         " + d.path("size").asLong() + " bytes");
      out.println("packages     " + d.path("number_of_packages").asInt());
      out.println("ingested     " + d.path("ingested").asText());
      out.println("labels       " + d.path("labels"));
    }
  }

  @Command(
      name = "packages",
      mixinStandardHelpOptions = true,
      description =
          "List an SBOM's packages: name, version and purls (fields for --query: name,"
              + " version, group, kind, ref, supplier, license, purl, cpe, node).")
  static final class Packages extends ApiCommand.Reader {
    @Parameters(paramLabel = "ID", description = "urn:uuid:<uuid> or sha256:<hex>")
    String id;

    @Mixin Paging paging;

    @Override
    String path() {
      return "/api/v2/sbom/" + AnalyzerClient.encode(id) + "/packages" + paging.query();
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      for (JsonNode p : body.path("items")) {
        out.println(p.path("name").asText() + " " + p.path("version").asText("-") + purls(p));
      }
      out.println(body.path("total").asLong() + " package(s)");
    }
  }

  @Command(
      name = "related",
      mixinStandardHelpOptions = true,
      description = {
        "List the elements one hop from an element of an SBOM: relationship, ref, name, version",
        "and purls. Without --reference: the elements the document describes (or, when it says",
        "none, the packages nothing points to). Fields for --query: relationship, ref, name,",
        "version, kind, purl, cpe, seq."
      })
  static final class Related extends ApiCommand.Reader {
    @Parameters(paramLabel = "ID", description = "urn:uuid:<uuid> or sha256:<hex>")
    String id;

    @Option(
        names = "--reference",
        paramLabel = "REF",
        description = "The element (its SPDX id or bom-ref).")
    String reference;

    @Option(
        names = "--which",
        paramLabel = "SIDE",
        description =
            "left (default): what the reference points to; right: what points to it"
                + " (needs --reference).")
    String which = "left";

    @Option(
        names = "--relationship",
        paramLabel = "TYPE",
        description = "Only this relationship type, e.g. depends_on (needs --reference).")
    String relationship;

    @Mixin Paging paging;

    @Override
    String path() {
      StringBuilder path =
          new StringBuilder("/api/v2/sbom/")
              .append(AnalyzerClient.encode(id))
              .append("/related")
              .append(paging.query())
              .append("&which=")
              .append(AnalyzerClient.encode(which));
      if (reference != null) {
        path.append("&reference=").append(AnalyzerClient.encode(reference));
      }
      if (relationship != null) {
        path.append("&relationship=").append(AnalyzerClient.encode(relationship));
      }
      return path.toString();
    }

    @Override
    void text(PrintWriter out, JsonNode body) {
      for (JsonNode r : body.path("items")) {
        JsonNode p = r.path("package");
        out.printf(
            "%-16s %-28s %s %s%s%n",
            r.path("relationship").asText(),
            r.path("ref").asText(),
            p.path("name").asText("-"),
            p.path("version").asText("-"),
            purls(p));
      }
      out.println(body.path("total").asLong() + " related element(s)");
    }
  }

  @Command(
      name = "label",
      mixinStandardHelpOptions = true,
      description = {
        "Set or remove labels of a stored SBOM (others are kept), or with --replace make the",
        "given ones its only labels; prints its labels afterwards."
      })
  static final class Label extends LabelCommand {
    @Override
    String kind() {
      return "sbom";
    }
  }

  /** A package's purls, each after a space. */
  private static String purls(JsonNode pkg) {
    StringBuilder purls = new StringBuilder();
    pkg.path("purl").forEach(u -> purls.append(' ').append(u.asText()));
    return purls.toString();
  }
}
