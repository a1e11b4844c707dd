package dev.hallmark.cli.verify;

import picocli.CommandLine.Command;

/** {@code hallmark verify}: verification commands. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify Sigstore bundles.",
    subcommands = {VerifyBlobCommand.class})
public final class VerifyCommand {}
