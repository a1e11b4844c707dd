package dev.hallmark.cli.trust;

import picocli.CommandLine.Command;

/** {@code hallmark trust}: the TUF trust root, as a client and as the repository's operator. */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description = {
      "The TUF trust root. As a client: 'init' bootstraps from a TUF mirror and a root.json,",
      "'status' updates and shows what is trusted. As the operator of 'hallmark up':",
      "'rotate' rotates root (online, or --export a draft for offline root keys), 'sign' adds",
      "an offline key's signature to a draft, 'import' publishes a signed draft."
    },
    subcommands = {
      TrustInit.class,
      TrustStatus.class,
      TrustRotate.class,
      TrustSign.class,
      TrustImport.class
    })
public final class TrustCommand {}
