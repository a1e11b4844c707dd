package dev.hallmark.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator's documents parse, are deterministic and mix ecosystems. */
class SyntheticCorpusTest {
  @Test
  void cycloneDxAndSpdxParseWithTheRequestedCounts() throws Exception {
    SbomReader reader = new SbomReader(SbomLimits.defaults());
    ByteArrayOutputStream cdx = new ByteArrayOutputStream();
    new SyntheticCorpus(7).writeCycloneDx(cdx, 2000);
    SbomDocument c = reader.read(cdx.toByteArray());
    assertThat(c.packages()).hasSize(2001); // + the metadata component
    assertThat(c.warnings()).isEmpty(); // dependencies only point backwards
    ByteArrayOutputStream spdx = new ByteArrayOutputStream();
    new SyntheticCorpus(7).writeSpdx(spdx, 2000);
    SbomDocument s = reader.read(spdx.toByteArray());
    assertThat(s.packages()).hasSize(2000);
    assertThat(s.packages()).allSatisfy(p -> assertThat(p.purls()).hasSize(1));

    Map<String, Long> byType =
        s.packages().stream()
            .map(p -> p.purls().get(0).substring(4, p.purls().get(0).indexOf('/')))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(byType.keySet())
        .contains("maven", "npm", "pypi", "golang", "cargo", "rpm", "deb", "gem", "nuget", "oci");
    assertThat(byType.get("maven")).isBetween(450L, 750L); // ~30 %

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    new SyntheticCorpus(7).writeSpdx(again, 2000);
    assertThat(again.toByteArray()).isEqualTo(spdx.toByteArray());
  }

  @Test
  void spdx3ResolvesSuppliersAndLicenses() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SyntheticCorpus(3).writeSpdx3(out, 500);
    SbomDocument doc = new SbomReader(SbomLimits.defaults()).read(out.toByteArray());
    assertThat(doc.metadata().format()).isEqualTo(SbomFormat.SPDX_3_JSON_LD);
    assertThat(doc.metadata().creators()).containsExactly("hallmark-synthetic-corpus");
    assertThat(doc.packages()).hasSize(500);
    assertThat(doc.relationships()).hasSize(499); // dependsOn; license edges become licenses
    assertThat(doc.packages())
        .allSatisfy(
            p -> {
              assertThat(p.supplier()).startsWith("Supplier ");
              assertThat(p.licenses()).hasSize(1);
              assertThat(p.licenses().get(0).kind()).isEqualTo(License.Kind.CONCLUDED);
              assertThat(p.hashes().get(0).algorithm()).isEqualTo("SHA-256");
            });
  }
}
