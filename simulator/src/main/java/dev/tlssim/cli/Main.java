package dev.tlssim.cli;

/** Entry point of the {@code tlssim} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(TlssimCommand.commandLine().execute(args));
  }
}
