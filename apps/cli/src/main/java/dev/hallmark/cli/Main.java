package dev.hallmark.cli;

import dev.hallmark.cli.analyzer.AdvisoryCommand;
import dev.hallmark.cli.analyzer.ImporterCommand;
import dev.hallmark.cli.analyzer.SbomCommand;
import dev.hallmark.cli.sign.AttestCommand;
import dev.hallmark.cli.sign.SignCommand;
import dev.hallmark.cli.trust.TrustCommand;
import dev.hallmark.cli.verify.VerifyAttestationCommand;
import dev.hallmark.cli.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hallmark} command. */
@Command(
    name = "hallmark",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Hallmark: sign, verify and log what you ship.",
    subcommands = {
      UpCommand.class,
      SignCommand.class,
      VerifyCommand.class,
      AttestCommand.class,
      VerifyAttestationCommand.class,
      VerifyEntryCommand.class,
      TokenCommand.class,
      TrustCommand.class,
      ScanCommand.class,
      ConformanceCommand.class,
      SbomCommand.class,
      AdvisoryCommand.class,
      ImporterCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    LogFormat.configure(System.getenv());
    System.exit(commandLine().execute(args));
  }

  /** The command line with Hallmark's error conventions: one line on stderr, exit 2 on usage. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("hallmark: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Try 'hallmark --help' for more information.");
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("hallmark: " + oneLine(ex));
          return 1;
        });
    return cl;
  }

  /** A one-line message for an error (file errors named as such). */
  public static String oneLine(Throwable t) {
    if (t instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + t.getMessage();
    }
    if (t instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + t.getMessage();
    }
    String m = t.getMessage();
    return (m == null ? t.getClass().getSimpleName() : m).replace('\n', ' ');
  }
}
