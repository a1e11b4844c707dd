package dev.hallmark.cli;

import picocli.CommandLine.Command;

/** {@code hallmark conformance}: the sigstore-conformance CLI protocol. */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = "The sigstore-conformance client protocol (for the upstream test suite).",
    subcommands = {VerifyBundleCommand.class})
final class ConformanceCommand {}
