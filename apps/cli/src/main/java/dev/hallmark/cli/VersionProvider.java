package dev.hallmark.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"hallmark " + (v == null ? "development build" : v)};
  }
}
