package dev.hallmark.core.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.core.match.VersionSchemes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Precedence and vendor profiles as configuration text, and the settings text of a correlator. */
class SettingsTest {
  @Test
  void precedenceIsEveryStatusOnceStrongestFirst() {
    assertThat(Correlator.parsePrecedence("not_affected,fixed,affected,under_investigation"))
        .isEqualTo(Correlator.DEFAULT_PRECEDENCE);
    assertThat(Correlator.parsePrecedence(" Affected , not-affected,fixed,UNDER_INVESTIGATION"))
        .containsExactly(
            FindingStatus.AFFECTED,
            FindingStatus.NOT_AFFECTED,
            FindingStatus.FIXED,
            FindingStatus.UNDER_INVESTIGATION);
    assertThatThrownBy(() -> Correlator.parsePrecedence("affected,fixed"))
        .hasMessageContaining("all four statuses");
    assertThatThrownBy(() -> Correlator.parsePrecedence("affected,affected,fixed,not_affected"))
        .hasMessageContaining("affected twice");
    assertThatThrownBy(() -> Correlator.parsePrecedence("affected,fixed,not_affected,wontfix"))
        .hasMessageContaining("unknown status 'wontfix'")
        .hasMessageContaining("under_investigation");
  }

  @Test
  void profilesReadAndWriteTheirText() {
    assertThat(VendorProfile.parse("red-hat-rpm")).isEqualTo(VendorProfile.redHatRpm());
    VendorProfile acme = VendorProfile.parse("acme:Maven:major-minor");
    assertThat(acme)
        .isEqualTo(new VendorProfile("acme", "maven", VendorProfile.Stream.MAJOR_MINOR));
    assertThat(VendorProfile.parse(acme.spec())).isEqualTo(acme);
    assertThat(VendorProfile.parse(VendorProfile.redHatRpm().spec()))
        .isEqualTo(VendorProfile.redHatRpm());
    assertThatThrownBy(() -> VendorProfile.parse("acme:maven"))
        .hasMessageContaining("NAME:PURL_TYPE:STREAM");
    assertThatThrownBy(() -> VendorProfile.parse("acme:maven:minor"))
        .hasMessageContaining("unknown stream 'minor'");
  }

  @Test
  void settingsTextChangesWithPrecedenceAndProfiles() {
    String defaults = new Correlator().settings();
    assertThat(defaults)
        .isEqualTo("precedence=not_affected,fixed,affected,under_investigation;profiles=");
    Correlator other =
        new Correlator(
            VersionSchemes.standard(),
            Correlator.parsePrecedence("affected,not_affected,fixed,under_investigation"),
            List.of(VendorProfile.redHatRpm()));
    assertThat(other.settings())
        .isEqualTo(
            "precedence=affected,not_affected,fixed,under_investigation;"
                + "profiles=red-hat-rpm-stream:rpm:rpm-dist-tag");
  }
}
