package dev.tlssim.tls.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of the bctls peer in its own JVM: its stdin and stdout are the TLS connection, read
 * by a thread so that a silent peer never blocks the test; its stderr is kept for the result
 * line and for failure messages. Every wait is bounded by {@link #TIMEOUT}.
 */
final class BctlsPeerProcess implements AutoCloseable {
  /** How long any step may take before the test fails instead of hanging. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final byte[] END = new byte[0];

  private final Process process;
  private final OutputStream toPeer;
  private final LinkedBlockingQueue<byte[]> fromPeer = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();
  private final Thread stderrReader;
  private boolean ended;

  private BctlsPeerProcess(Process process) {
    this.process = process;
    this.toPeer = process.getOutputStream();
    Thread stdoutReader = new Thread(() -> readStdout(process.getInputStream()), "bctls-peer-stdout");
    stdoutReader.setDaemon(true);
    stdoutReader.start();
    stderrReader = new Thread(() -> readStderr(process.getErrorStream()), "bctls-peer-stderr");
    stderrReader.setDaemon(true);
    stderrReader.start();
  }

  /** Starts {@code BctlsPeer arguments...} (see the peer's usage). */
  static BctlsPeerProcess start(List<String> arguments) {
    try {
      return new BctlsPeerProcess(new ProcessBuilder(BctlsPeerProgram.get().command(arguments)).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readStdout(InputStream in) {
    byte[] buffer = new byte[65536];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (n > 0) {
          fromPeer.add(Arrays.copyOf(buffer, n));
        }
      }
    } catch (IOException e) {
      stderr.append("[test] reading the peer's stdout: ").append(e).append('\n');
    }
    fromPeer.add(END);
  }

  private void readStderr(InputStream in) {
    try (in) {
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      stderr.append("[test] reading the peer's stderr: ").append(e).append('\n');
    }
  }

  /** Bytes to the peer's stdin. */
  void send(byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    try {
      toPeer.write(bytes);
      toPeer.flush();
    } catch (IOException e) {
      throw new AssertionError("the bctls peer stopped reading: " + e + "\n" + stderr(), e);
    }
  }

  /**
   * What the peer has written: waits up to {@code wait} for the first bytes, then takes whatever
   * else has arrived. Empty when nothing came, or once the peer closed its stdout ({@link #ended}).
   */
  byte[] receive(Duration wait) throws InterruptedException {
    if (ended) {
      return END;
    }
    byte[] first = fromPeer.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      return END;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] chunk = first; chunk != null; chunk = fromPeer.poll()) {
      if (chunk == END) {
        ended = true;
        break;
      }
      all.writeBytes(chunk);
    }
    return all.toByteArray();
  }

  /** Whether the peer closed its stdout: nothing more will come. */
  boolean ended() {
    return ended;
  }

  /** The peer's stderr so far: its diagnostics. */
  String stderr() {
    return stderr.toString();
  }

  /**
   * Closes the peer's stdin (the end of the connection, which the peer waits for), waits for it
   * to exit and returns its result line; fails with its stderr unless it exited with status 0.
   */
  BctlsResult finish() throws InterruptedException {
    int status = awaitExit();
    if (status != 0) {
      throw new AssertionError("the bctls peer exited with " + status + ":\n" + stderr());
    }
    return BctlsResult.parse(stderr());
  }

  /** Closes the peer's stdin, waits for it to exit and all its stderr, and returns its exit status. */
  int awaitExit() throws InterruptedException {
    try {
      toPeer.close();
    } catch (IOException e) {
      // The peer may already have exited (it failed): its exit status tells.
      stderr.append("[test] closing the peer's stdin: ").append(e).append('\n');
    }
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the bctls peer did not exit within " + TIMEOUT + ":\n" + stderr());
    }
    stderrReader.join(TIMEOUT.toMillis());
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
