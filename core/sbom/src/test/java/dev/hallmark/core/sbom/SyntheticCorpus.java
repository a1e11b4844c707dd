package dev.hallmark.core.sbom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Writes synthetic SBOMs for benchmarks: N packages with a realistic mix of purl types (Maven, npm
 * with scopes, PyPI, Go, Cargo, RPM with epoch/arch/distro, Debian, RubyGems, NuGet, OCI images),
 * SHA-256 hashes, SPDX license expressions and a dependency graph where each package depends on up
 * to three earlier ones (so it is acyclic). Deterministic for a seed. Shipped in the test-jar for
 * {@code bench/}.
 */
public final class SyntheticCorpus {
  private static final String[] LICENSES = {
    "Apache-2.0",
    "MIT",
    "BSD-3-Clause",
    "GPL-2.0-only",
    "LGPL-2.1-or-later",
    "MPL-2.0",
    "Apache-2.0 OR MIT",
    "GPL-2.0-or-later WITH Classpath-exception-2.0",
    "ISC"
  };
  private static final String[] WORDS = {
    "core", "http", "json", "log", "crypto", "net", "io", "util", "test", "xml", "auth", "cache",
    "data", "async", "client", "server", "parser", "codec", "stream", "config"
  };

  private final Random random;
  private final JsonFactory factory = new JsonFactory();

  /**
   * Writes one document: {@code SyntheticCorpus cyclonedx|spdx|spdx3 PACKAGES FILE [SEED]}.
   *
   * @param args format, package count, output file, optional seed (default 1)
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: SyntheticCorpus cyclonedx|spdx|spdx3 PACKAGES FILE [SEED]");
      System.exit(2);
    }
    SyntheticCorpus corpus = new SyntheticCorpus(args.length > 3 ? Long.parseLong(args[3]) : 1);
    try (OutputStream out =
        new java.io.BufferedOutputStream(
            java.nio.file.Files.newOutputStream(java.nio.file.Path.of(args[2])), 1 << 20)) {
      if (args[0].equals("spdx")) {
        corpus.writeSpdx(out, Integer.parseInt(args[1]));
      } else if (args[0].equals("spdx3")) {
        corpus.writeSpdx3(out, Integer.parseInt(args[1]));
      } else {
        corpus.writeCycloneDx(out, Integer.parseInt(args[1]));
      }
    }
  }

  /** A generator whose output depends only on {@code seed}. */
  public SyntheticCorpus(long seed) {
    this.random = new Random(seed);
  }

  /** A CycloneDX 1.6 JSON document with {@code packages} components and their dependencies. */
  public void writeCycloneDx(OutputStream out, int packages) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("bomFormat", "CycloneDX");
      g.writeStringField("specVersion", "1.6");
      g.writeStringField(
          "serialNumber", "urn:uuid:" + new UUID(random.nextLong(), random.nextLong()));
      g.writeNumberField("version", 1);
      g.writeObjectFieldStart("metadata");
      g.writeStringField("timestamp", "2026-01-01T00:00:00Z");
      g.writeObjectFieldStart("component");
      g.writeStringField("type", "application");
      g.writeStringField("bom-ref", "root");
      g.writeStringField("name", "synthetic-application");
      g.writeStringField("version", "1.0.0");
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayFieldStart("components");
      for (int i = 0; i < packages; i++) {
        String[] p = pkg(i);
        g.writeStartObject();
        g.writeStringField("type", "library");
        g.writeStringField("bom-ref", "c" + i);
        g.writeStringField("name", p[0]);
        g.writeStringField("version", p[1]);
        g.writeStringField("purl", p[2]);
        g.writeArrayFieldStart("hashes");
        g.writeStartObject();
        g.writeStringField("alg", "SHA-256");
        g.writeStringField("content", hex(32));
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("licenses");
        g.writeStartObject();
        g.writeStringField("expression", LICENSES[random.nextInt(LICENSES.length)]);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("supplier");
        g.writeStringField("name", "Supplier " + random.nextInt(500));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("dependencies");
      for (int i = 0; i < packages; i++) {
        g.writeStartObject();
        g.writeStringField("ref", "c" + i);
        g.writeArrayFieldStart("dependsOn");
        for (int d = 0; d < Math.min(i, random.nextInt(4)); d++) {
          g.writeString("c" + random.nextInt(i));
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** An SPDX 2.3 JSON document with {@code packages} packages and DEPENDS_ON relationships. */
  public void writeSpdx(OutputStream out, int packages) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("spdxVersion", "SPDX-2.3");
      g.writeStringField("dataLicense", "CC0-1.0");
      g.writeStringField("SPDXID", "SPDXRef-DOCUMENT");
      g.writeStringField("name", "synthetic");
      g.writeStringField(
          "documentNamespace",
          "https://example.com/spdx/" + new UUID(random.nextLong(), random.nextLong()));
      g.writeObjectFieldStart("creationInfo");
      g.writeStringField("created", "2026-01-01T00:00:00Z");
      g.writeArrayFieldStart("creators");
      g.writeString("Tool: hallmark-synthetic-corpus");
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("packages");
      for (int i = 0; i < packages; i++) {
        String[] p = pkg(i);
        g.writeStartObject();
        g.writeStringField("SPDXID", "SPDXRef-p" + i);
        g.writeStringField("name", p[0]);
        g.writeStringField("versionInfo", p[1]);
        g.writeStringField("supplier", "Organization: Supplier " + random.nextInt(500));
        g.writeStringField("downloadLocation", "NOASSERTION");
        g.writeStringField("licenseConcluded", LICENSES[random.nextInt(LICENSES.length)]);
        g.writeArrayFieldStart("checksums");
        g.writeStartObject();
        g.writeStringField("algorithm", "SHA256");
        g.writeStringField("checksumValue", hex(32));
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("externalRefs");
        g.writeStartObject();
        g.writeStringField("referenceCategory", "PACKAGE-MANAGER");
        g.writeStringField("referenceType", "purl");
        g.writeStringField("referenceLocator", p[2]);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("relationships");
      relationship(g, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-p0");
      for (int i = 1; i < packages; i++) {
        for (int d = 0; d < 1 + random.nextInt(3); d++) {
          relationship(g, "SPDXRef-p" + i, "DEPENDS_ON", "SPDXRef-p" + random.nextInt(i));
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /**
   * An SPDX 3.0.1 JSON-LD document with {@code packages} software packages, each with a purl, a
   * SHA-256 hash, a supplier (one of 500 organizations), a concluded license expression and {@code
   * dependsOn} relationships to earlier packages.
   */
  public void writeSpdx3(OutputStream out, int packages) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("@context", "https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
      g.writeArrayFieldStart("@graph");
      g.writeStartObject();
      g.writeStringField("type", "CreationInfo");
      g.writeStringField("@id", "_:ci");
      g.writeStringField("specVersion", "3.0.1");
      g.writeStringField("created", "2026-01-01T00:00:00Z");
      g.writeArrayFieldStart("createdBy");
      g.writeString("urn:hallmark:tool");
      g.writeEndArray();
      g.writeEndObject();
      element(g, "Tool", "urn:hallmark:tool", "hallmark-synthetic-corpus");
      for (int s = 0; s < 500; s++) {
        element(g, "Organization", "urn:hallmark:supplier:" + s, "Supplier " + s);
      }
      for (int l = 0; l < LICENSES.length; l++) {
        g.writeStartObject();
        g.writeStringField("type", "simplelicensing_LicenseExpression");
        g.writeStringField("spdxId", "urn:hallmark:license:" + l);
        g.writeStringField("creationInfo", "_:ci");
        g.writeStringField("simplelicensing_licenseExpression", LICENSES[l]);
        g.writeEndObject();
      }
      g.writeStartObject();
      g.writeStringField("type", "SpdxDocument");
      g.writeStringField("spdxId", "urn:hallmark:document");
      g.writeStringField("creationInfo", "_:ci");
      g.writeArrayFieldStart("rootElement");
      g.writeString("urn:hallmark:p0");
      g.writeEndArray();
      g.writeEndObject();
      for (int i = 0; i < packages; i++) {
        String[] p = pkg(i);
        String id = "urn:hallmark:p" + i;
        g.writeStartObject();
        g.writeStringField("type", "software_Package");
        g.writeStringField("spdxId", id);
        g.writeStringField("creationInfo", "_:ci");
        g.writeStringField("name", p[0]);
        g.writeStringField("software_packageVersion", p[1]);
        g.writeStringField("software_packageUrl", p[2]);
        g.writeStringField("suppliedBy", "urn:hallmark:supplier:" + random.nextInt(500));
        g.writeArrayFieldStart("verifiedUsing");
        g.writeStartObject();
        g.writeStringField("type", "Hash");
        g.writeStringField("algorithm", "sha256");
        g.writeStringField("hashValue", hex(32));
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        relationship3(
            g,
            id + ":l",
            id,
            "hasConcludedLicense",
            "urn:hallmark:license:" + random.nextInt(LICENSES.length));
        if (i > 0) {
          relationship3(g, id + ":d", id, "dependsOn", "urn:hallmark:p" + random.nextInt(i));
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void element(JsonGenerator g, String type, String id, String name)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", type);
    g.writeStringField("spdxId", id);
    g.writeStringField("creationInfo", "_:ci");
    g.writeStringField("name", name);
    g.writeEndObject();
  }

  private static void relationship3(JsonGenerator g, String id, String from, String type, String to)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Relationship");
    g.writeStringField("spdxId", id);
    g.writeStringField("creationInfo", "_:ci");
    g.writeStringField("from", from);
    g.writeStringField("relationshipType", type);
    g.writeArrayFieldStart("to");
    g.writeString(to);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void relationship(JsonGenerator g, String from, String type, String to)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("spdxElementId", from);
    g.writeStringField("relationshipType", type);
    g.writeStringField("relatedSpdxElement", to);
    g.writeEndObject();
  }

  /** {name, version, purl} of the i-th package, ecosystems in realistic proportions. */
  private String[] pkg(int i) {
    String name = word() + "-" + word() + (i % 7 == 0 ? "" : "-" + i);
    String v = random.nextInt(10) + "." + random.nextInt(30) + "." + random.nextInt(100);
    int pick = random.nextInt(100);
    if (pick < 30) {
      String group = "org." + word() + "." + word();
      return new String[] {name, v, "pkg:maven/" + group + "/" + name + "@" + v + "?type=jar"};
    }
    if (pick < 50) {
      String scoped = random.nextBoolean() ? "%40" + word() + "/" : "";
      return new String[] {name, v, "pkg:npm/" + scoped + name + "@" + v};
    }
    if (pick < 60) {
      return new String[] {name, v, "pkg:pypi/" + name.toLowerCase(Locale.ROOT) + "@" + v};
    }
    if (pick < 68) {
      return new String[] {
        name, "v" + v, "pkg:golang/github.com/" + word() + "/" + name + "@v" + v
      };
    }
    if (pick < 73) {
      return new String[] {name, v, "pkg:cargo/" + name + "@" + v};
    }
    if (pick < 85) {
      String rel = v + "-" + (1 + random.nextInt(20)) + ".el9";
      String epoch = random.nextInt(5) == 0 ? "&epoch=1" : "";
      return new String[] {
        name,
        rel,
        "pkg:rpm/redhat/" + name + "@" + rel + "?arch=x86_64" + epoch + "&distro=rhel-9.4"
      };
    }
    if (pick < 92) {
      String deb = v + "-" + (1 + random.nextInt(5)) + "+deb12u" + random.nextInt(3);
      return new String[] {name, deb, "pkg:deb/debian/" + name + "@" + deb + "?arch=amd64"};
    }
    if (pick < 95) {
      return new String[] {name, v, "pkg:gem/" + name + "@" + v};
    }
    if (pick < 98) {
      return new String[] {name, v + ".0", "pkg:nuget/" + name + "@" + v + ".0"};
    }
    String digest = "sha256%3A" + hex(32);
    return new String[] {
      name,
      digest,
      "pkg:oci/" + name + "@" + digest + "?repository_url=quay.io/" + word() + "/" + name
    };
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private String hex(int bytes) {
    StringBuilder b = new StringBuilder(bytes * 2);
    for (int i = 0; i < bytes; i++) {
      b.append(String.format("%02x", random.nextInt(256)));
    }
    return b.toString();
  }
}
