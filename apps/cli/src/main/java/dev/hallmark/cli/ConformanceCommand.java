package dev.hallmark.cli;

import dev.hallmark.cli.sign.SignBundleCommand;
import picocli.CommandLine.Command;

/** {@code hallmark conformance}: the sigstore-conformance CLI protocol. */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = "The sigstore-conformance client protocol (for the upstream test suite).",
    subcommands = {SignBundleCommand.class, VerifyBundleCommand.class})
final class ConformanceCommand {}
