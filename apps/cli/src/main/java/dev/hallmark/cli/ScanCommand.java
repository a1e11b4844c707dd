package dev.hallmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hallmark.core.advisory.Advisory;
import dev.hallmark.core.advisory.AdvisoryFormatException;
import dev.hallmark.core.advisory.AdvisoryReader;
import dev.hallmark.core.findings.Component;
import dev.hallmark.core.findings.Correlator;
import dev.hallmark.core.findings.Evidence;
import dev.hallmark.core.findings.Finding;
import dev.hallmark.core.findings.FindingStatus;
import dev.hallmark.core.findings.VendorProfile;
import dev.hallmark.core.match.VersionSchemes;
import dev.hallmark.core.sbom.SbomDocument;
import dev.hallmark.core.sbom.SbomFormatException;
import dev.hallmark.core.sbom.SbomLimits;
import dev.hallmark.core.sbom.SbomPackage;
import dev.hallmark.core.sbom.SbomReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hallmark scan}: one SBOM against local advisories, offline, nothing stored. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse one SBOM (SPDX 2.2/2.3/3.0, CycloneDX 1.3-1.6; gzip, bzip2, xz or zstd) against",
      "advisories (CSAF 2.0, OSV, CVE 5; files or directories, compressed or not) with the same",
      "correlation engine as the analyzer: no server, nothing stored. Matching is by package URL",
      "and CPE only; every finding carries its evidence.",
      "Exit 0 when nothing is affected, 3 when something is, 1 on error (an SBOM that cannot be",
      "read, a missing advisory path, a bad option value; picocli's usage errors are 2).",
      "Advisory files that cannot be read are reported on stderr and skipped."
    })
public final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SBOM_FILE", description = "The SBOM to scan.")
  Path sbom;

  @Option(
      names = "--advisories",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "Advisory files or directories (searched recursively).")
  List<Path> advisories;

  @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
  String output = "text";

  @Option(
      names = "--precedence",
      paramLabel = "STATUSES",
      description =
          "Which statement wins when several concern one package and vulnerability, strongest"
              + " first (default: not_affected,fixed,affected,under_investigation).")
  String precedence = "not_affected,fixed,affected,under_investigation";

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description =
          "A vendor convention to apply (repeatable): red-hat-rpm, or NAME:PURL_TYPE:STREAM with"
              + " STREAM rpm-dist-tag, major or major-minor (\"fixed in X\" makes earlier versions"
              + " of X's stream affected).")
  List<String> profiles = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!output.equals("text") && !output.equals("json")) {
      err.println("hallmark: --output must be text or json, not '" + output + "'");
      return 1;
    }
    Correlator correlator;
    try {
      List<VendorProfile> vendorProfiles = new ArrayList<>();
      for (String p : profiles) {
        vendorProfiles.add(VendorProfile.parse(p));
      }
      correlator =
          new Correlator(
              VersionSchemes.standard(), Correlator.parsePrecedence(precedence), vendorProfiles);
    } catch (IllegalArgumentException e) {
      err.println("hallmark: " + e.getMessage());
      return 1;
    }
    if (!Files.isReadable(sbom)) {
      err.println("hallmark: cannot read " + sbom);
      return 1;
    }
    SbomDocument document;
    try (InputStream in = Files.newInputStream(sbom)) {
      document = new SbomReader(SbomLimits.defaults()).read(in);
    } catch (SbomFormatException e) {
      err.println("hallmark: " + sbom + " is not a usable SBOM: " + e.getMessage());
      return 1;
    }
    List<Component> components = new ArrayList<>();
    for (SbomPackage p : document.packages()) {
      String purl = p.purls().isEmpty() ? null : p.purls().get(0);
      String cpe = p.cpes().isEmpty() ? null : p.cpes().get(0);
      List<String> hashes = new ArrayList<>();
      p.hashes().forEach(h -> hashes.add(h.algorithm() + ":" + h.value()));
      if (purl != null || cpe != null || !hashes.isEmpty()) {
        components.add(
            new Component(p.ref() == null ? p.name() : p.ref(), purl, cpe, p.name(), hashes));
      }
    }
    List<Advisory> read = new ArrayList<>();
    int unreadable = 0;
    AdvisoryReader reader = AdvisoryReader.withDefaultLimits();
    for (Path root : advisories) {
      if (!Files.exists(root)) {
        err.println("hallmark: no such file or directory: " + root);
        return 1;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        try (InputStream in =
            SbomReader.decompressed(Files.newInputStream(f), SbomLimits.defaults())) {
          read.add(reader.read(in));
        } catch (AdvisoryFormatException | IOException e) {
          unreadable++;
          err.println("hallmark: skipped " + f + ": " + Main.oneLine(e));
        }
      }
    }
    Correlator.Result result = correlator.correlate(components, read);
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("json")) {
      out.println(json(result.findings()));
    } else {
      for (Finding f : result.findings()) {
        out.println(
            f.status().jsonName()
                + "\t"
                + f.vulnerability()
                + "\t"
                + identifier(f.component())
                + "\t"
                + f.evidence().statement()
                + " ["
                + f.evidence().range()
                + "]");
      }
      out.println(
          result.findings().size()
              + " finding(s) for "
              + components.size()
              + " identifiable package(s) of "
              + document.packages().size()
              + ", "
              + read.size()
              + " advisory document(s)"
              + (unreadable > 0 ? ", " + unreadable + " skipped" : ""));
    }
    return result.findings().stream().anyMatch(f -> f.status() == FindingStatus.AFFECTED) ? 3 : 0;
  }

  private static String identifier(Component c) {
    return c.purl() != null ? c.purl() : c.cpe();
  }

  private static String json(List<Finding> findings) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (Finding f : findings) {
      ObjectNode o = array.addObject();
      o.put("vulnerability", f.vulnerability());
      f.aliases().forEach(o.putArray("aliases")::add);
      o.put("status", f.status().jsonName());
      o.put("package", identifier(f.component()));
      o.put("component", f.component().ref());
      if (f.justification() != null) {
        o.put("justification", f.justification());
      }
      if (f.severity() != null) {
        o.put("severity", f.severity());
      }
      if (f.baseScore() != null) {
        o.put("score", f.baseScore());
      }
      evidence(o.putObject("evidence"), f.evidence());
      ArrayNode overridden = o.putArray("overridden");
      f.overridden().forEach(e -> evidence(overridden.addObject(), e));
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array);
  }

  private static void evidence(ObjectNode o, Evidence e) {
    o.put("advisory", e.advisory());
    o.put("matchedBy", e.matchedBy());
    o.put("identifier", e.identifier());
    o.put("range", e.range());
    o.put("scheme", e.scheme());
    o.put("statement", e.statement());
  }
}
