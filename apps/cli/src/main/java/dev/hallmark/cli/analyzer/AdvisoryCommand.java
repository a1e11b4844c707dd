package dev.hallmark.cli.analyzer;

import picocli.CommandLine.Command;

/** {@code hallmark advisory}: upload advisories to the analyzer and label them. */
@Command(
    name = "advisory",
    mixinStandardHelpOptions = true,
    description = "Advisories in the analyzer (CSAF 2.0, OSV JSON/YAML, CVE 5.x).",
    subcommands = {AdvisoryCommand.Upload.class, AdvisoryCommand.Label.class})
public final class AdvisoryCommand {
  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = {
        "Upload advisories: files, or directories (every file below, e.g. a CSAF provider",
        "mirror or an OSV export). Shows progress on a terminal and ends with a summary listing",
        "each failure. Exit 0 when all were stored (or already were), 1 when any failed, 2 on",
        "usage errors or when the analyzer cannot be reached."
      })
  static final class Upload extends UploadCommand {
    @Override
    String kind() {
      return "advisory";
    }
  }

  @Command(
      name = "label",
      mixinStandardHelpOptions = true,
      description = {
        "Set or remove labels of a stored advisory (others are kept), or with --replace make",
        "the given ones its only labels; prints its labels afterwards."
      })
  static final class Label extends LabelCommand {
    @Override
    String kind() {
      return "advisory";
    }
  }
}
