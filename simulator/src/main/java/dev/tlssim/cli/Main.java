package dev.tlssim.cli;

/** Entry point of the {@code tlssim} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Initialise logging before the actor system's threads log concurrently (else SLF4J warns
    // that it replayed their calls).
    org.slf4j.LoggerFactory.getILoggerFactory();
    System.exit(TlssimCommand.commandLine().execute(args));
  }
}
