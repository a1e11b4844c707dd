package dev.hallmark.cli.sign;

import picocli.CommandLine.Command;

/** {@code hallmark attest}: attestation commands. */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description = "Sign in-toto attestations into Sigstore bundles.",
    subcommands = {AttestBlobCommand.class})
public final class AttestCommand {}
