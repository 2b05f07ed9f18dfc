package dev.tlssim.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs {@code openssl speed -mr} for everything {@link OpensslDerivation} needs. OpenSSL 3.0
 * takes either public-key algorithms or one {@code -evp}/{@code -hmac} per invocation, hence three
 * runs.
 */
public final class OpensslSpeedRunner {
  /** The public-key algorithms, in {@code openssl speed}'s names. */
  static final List<String> PUBLIC_KEY = List.of("rsa2048", "rsa4096", "ecdsap256", "ecdhx25519", "ecdhp256");

  public static List<String> publicKeyAlgorithms() {
    return PUBLIC_KEY;
  }

  private final String executable;
  private final int seconds;

  /** @param seconds how long openssl runs each algorithm and size ({@code -seconds}) */
  public OpensslSpeedRunner(String executable, int seconds) {
    this.executable = executable;
    this.seconds = seconds;
  }

  /** openssl could not be run, or failed: a message for the user, no stack trace needed. */
  public static final class OpensslException extends Exception {
    public OpensslException(String message) {
      super(message);
    }
  }

  /** {@code openssl version}'s one line, e.g. "OpenSSL 3.0.19 27 Jan 2026 (Library: ...)". */
  public String version() throws OpensslException {
    return run(List.of("version")).trim();
  }

  /** The concatenated machine-readable output of the three runs. */
  public String speed(Consumer<String> progress) throws OpensslException {
    String s = String.valueOf(seconds);
    List<String> publicKey = new ArrayList<>(List.of("speed", "-mr", "-seconds", s));
    publicKey.addAll(PUBLIC_KEY);
    StringBuilder out = new StringBuilder();
    progress.accept("openssl speed " + String.join(" ", PUBLIC_KEY));
    out.append(run(publicKey));
    progress.accept("openssl speed -evp aes-128-cbc");
    out.append(run(List.of("speed", "-mr", "-seconds", s, "-evp", "aes-128-cbc")));
    progress.accept("openssl speed -hmac sha256");
    out.append(run(List.of("speed", "-mr", "-seconds", s, "-hmac", "sha256")));
    return out.toString();
  }

  private String run(List<String> args) throws OpensslException {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(args);
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new OpensslException("cannot run '" + executable + "' (" + e.getMessage()
          + "); install OpenSSL or name its executable with --openssl PATH");
    }
    try (InputStream in = p.getInputStream()) {
      String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      if (rc != 0) {
        String[] lines = output.strip().split("\\R");
        throw new OpensslException("'" + String.join(" ", command) + "' failed with exit code " + rc + ": "
            + lines[lines.length - 1]);
      }
      return output;
    } catch (IOException e) {
      throw new OpensslException("reading the output of '" + executable + "' failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new OpensslException("interrupted while openssl ran");
    }
  }
}
