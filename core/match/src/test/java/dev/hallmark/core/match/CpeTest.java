package dev.hallmark.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPE bindings with the examples of NISTIR 7695 (§6.1, §6.2), matching with the relations of NISTIR
 * 7696 Table 6-2, and every CPE found in the shared vectors.
 */
class CpeTest {

  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // NISTIR 7695 §6.1.2.3 / §6.2.2.3 examples
        "cpe:/a:microsoft:internet_explorer:8.0.6001:beta"
            + "|cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*",
        "cpe:/a:microsoft:internet_explorer:8.%2a:sp%3f"
            + "|cpe:2.3:a:microsoft:internet_explorer:8.\\*:sp\\?:*:*:*:*:*:*",
        "cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~"
            + "|cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*",
        "cpe:/a:foo%5cbar:big%24money_manager_2010:::~~special~ipod_touch~80gb~"
            + "|cpe:2.3:a:foo\\\\bar:big\\$money_manager_2010:*:*:*:*:special:ipod_touch:80gb:*",
        // Red Hat product streams (analyzer spec §2.2)
        "cpe:/a:redhat:rhel_aus:8.4::appstream|cpe:2.3:a:redhat:rhel_aus:8.4:*:appstream:*:*:*:*:*",
        "cpe:/o:redhat:enterprise_linux:9|cpe:2.3:o:redhat:enterprise_linux:9:*:*:*:*:*:*:*",
      })
  void bindingsAgree(String uri, String formatted) throws Exception {
    Cpe fromUri = Cpe.parse(uri);
    Cpe fromFs = Cpe.parse(formatted);
    assertThat(fromUri).isEqualTo(fromFs);
    assertThat(fromUri.toUri()).isEqualTo(uri);
    assertThat(fromFs.toFormattedString()).isEqualTo(formatted);
  }

  @Test
  void attributesAreReadInOrderAndLowerCased() throws Exception {
    Cpe c = Cpe.parse("cpe:2.3:a:CharLS:CharLS:2.0.0-8.el9ai:*:*:*:*:*:*:*");
    assertThat(c.vendor()).isEqualTo("charls");
    assertThat(c.product()).isEqualTo("charls");
    assertThat(c.version()).isEqualTo("2.0.0-8.el9ai");
    assertThat(c.update()).isEqualTo(Cpe.ANY);
    Cpe stream = Cpe.parse("cpe:/a:redhat:enterprise_linux:8::appstream");
    assertThat(stream.edition()).isEqualTo("appstream");
    assertThat(stream.update()).isEqualTo(Cpe.ANY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*", // ten attributes
        "cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*:*", // twelve
        "cpe:2.3:x:vendor:product:1.0:*:*:*:*:*:*:*", // part
        "cpe:2.3:a:ven dor:product:1.0:*:*:*:*:*:*:*", // unquoted space
        "cpe:2.3:a:vendor:pro*duct:1.0:*:*:*:*:*:*:*", // wildcard inside
        "cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*\\", // lone backslash
        "cpe:2.3:a::product:1.0:*:*:*:*:*:*:*", // empty attribute
        "cpe:/a:v:p:1:2:3:4:5", // eight URI components
        "cpe:/a:v:p:%zz", // bad %-escape
        "cpe:/a:v:p:1:2:~a~b", // short packed edition
        "cpe:/q:v:p", // part
        "cpe:a:v:p", // neither binding
      })
  void malformedNamesAreRefused(String text) {
    assertThatThrownBy(() -> Cpe.parse(text)).isInstanceOf(CpeException.class);
  }

  @ParameterizedTest(name = "{0} vs {1} = {2}")
  @CsvSource({
    // NISTIR 7696 Table 6-2, one attribute (vendor) varied
    "*, *, EQUAL",
    "*, -, SUPERSET",
    "*, acme, SUPERSET",
    "-, *, SUBSET",
    "-, -, EQUAL",
    "-, acme, DISJOINT",
    "acme, *, SUBSET",
    "acme, -, DISJOINT",
    "acme, acme, EQUAL",
    "acme, other, DISJOINT",
    "acme, ac*, UNDEFINED",
    "ac*, acme, SUPERSET",
    "ac*, bcme, DISJOINT",
    "?cme, acme, SUPERSET",
    "?cme, xacme, DISJOINT",
    "*me, acme, SUPERSET",
  })
  void attributeRelations(String source, String target, CpeRelation expected) throws Exception {
    Cpe s = Cpe.parse("cpe:2.3:a:" + source + ":product:1.0:*:*:*:*:*:*:*");
    Cpe t = Cpe.parse("cpe:2.3:a:" + target + ":product:1.0:*:*:*:*:*:*:*");
    assertThat(s.compare(t)).isEqualTo(expected);
  }

  @Test
  void nameMatchingCombinesAttributes() throws Exception {
    Cpe advisory = Cpe.parse("cpe:/a:redhat:enterprise_linux:8");
    Cpe stream = Cpe.parse("cpe:/a:redhat:enterprise_linux:8::appstream");
    assertThat(advisory.compare(stream)).isEqualTo(CpeRelation.SUPERSET);
    assertThat(advisory.matches(stream)).isTrue();
    assertThat(stream.compare(advisory)).isEqualTo(CpeRelation.SUBSET);
    assertThat(stream.matches(advisory)).isFalse();
    assertThat(Cpe.parse("cpe:/a:redhat:enterprise_linux:9").matches(stream)).isFalse();
    // one attribute SUPERSET and another SUBSET: neither direction is implied
    Cpe mixed = Cpe.parse("cpe:2.3:a:redhat:enterprise_linux:*:*:appstream:*:*:*:*:*");
    Cpe other = Cpe.parse("cpe:2.3:a:redhat:enterprise_linux:8:*:*:*:*:*:*:*");
    assertThat(mixed.compare(other)).isEqualTo(CpeRelation.UNDEFINED);
  }

  @Test
  void productGuardNeedsConcreteEqualVendorAndProduct() throws Exception {
    Cpe a = Cpe.parse("cpe:/a:redhat:openshift:4");
    assertThat(a.sameProduct(Cpe.parse("cpe:/a:redhat:openshift:4.6::el8"))).isTrue();
    assertThat(Cpe.parse("cpe:2.3:a:*:openshift:*:*:*:*:*:*:*:*").sameProduct(a)).isFalse();
    assertThat(Cpe.parse("cpe:2.3:a:red*:openshift:*:*:*:*:*:*:*:*").sameProduct(a)).isFalse();
    assertThat(a.sameProduct(Cpe.parse("cpe:/a:redhat:quarkus:2"))).isFalse();
  }

  static Stream<String> realCpes() throws IOException {
    try (InputStream in = CpeTest.class.getResourceAsStream("/cpe/real-cpes.txt")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(line.trim());
        }
      }
      assertThat(out).hasSize(70);
      return out.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("realCpes")
  void everyCpeInTheVectorsParsesAndRoundTrips(String text) throws Exception {
    Cpe c = Cpe.parse(text);
    assertThat(Cpe.parse(c.toUri())).isEqualTo(c);
    assertThat(Cpe.parse(c.toFormattedString())).isEqualTo(c);
    assertThat(c.compare(c)).isEqualTo(CpeRelation.EQUAL);
    if (text.startsWith("cpe:/")) {
      assertThat(c.toUri()).isEqualTo(text.toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void redHatOsvEcosystemsAreProductStreams() throws Exception {
    Cpe stream = Cpe.fromRedHatEcosystem("Red Hat:rhel_aus:8.6::appstream");
    assertThat(stream.part()).isEqualTo(Cpe.ANY);
    assertThat(stream.product()).isEqualTo("rhel_aus");
    assertThat(stream.edition()).isEqualTo("appstream");
    // the CSAF product tree names the same stream with part 'a'
    assertThat(stream.compare(Cpe.parse("cpe:/a:redhat:rhel_aus:8.6::appstream")))
        .isEqualTo(CpeRelation.SUPERSET);
    assertThat(stream.matches(Cpe.parse("cpe:/a:redhat:rhel_eus:8.6::appstream"))).isFalse();
    assertThatThrownBy(() -> Cpe.fromRedHatEcosystem("Debian:12")).isInstanceOf(CpeException.class);
  }
}
