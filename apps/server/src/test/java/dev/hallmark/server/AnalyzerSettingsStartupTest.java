package dev.hallmark.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.server.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server does not start with correlation settings it cannot read, and says which key. */
class AnalyzerSettingsStartupTest {
  @TempDir Path dataDir;

  @Test
  void refusesAPrecedenceThatDoesNotNameEveryStatus() {
    assertThatThrownBy(
            () ->
                HallmarkServer.start(
                        TestConfigs.anyPorts(
                            dataDir, "analyzer.findings.precedence", "affected,fixed"))
                    .close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("analyzer.findings.precedence")
        .hasMessageContaining("all four statuses");
  }

  @Test
  void refusesAnUnknownProfile() {
    assertThatThrownBy(
            () ->
                HallmarkServer.start(
                        TestConfigs.anyPorts(
                            dataDir, "analyzer.findings.profiles", "red-hat-rpm,acme:maven:weekly"))
                    .close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("analyzer.findings.profiles")
        .hasMessageContaining("unknown stream 'weekly'");
  }
}
