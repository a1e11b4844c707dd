package dev.hallmark.cli.sign;

import picocli.CommandLine.Command;

/** {@code hallmark sign}: signing commands. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Sign artifacts into Sigstore bundles.",
    subcommands = {SignBlobCommand.class})
public final class SignCommand {}
