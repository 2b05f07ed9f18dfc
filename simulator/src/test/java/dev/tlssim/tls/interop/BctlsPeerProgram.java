package dev.tlssim.tls.interop;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The bctls peer program (src/test/bctls-peer/BctlsPeer.java) and the class path it runs on:
 * bctls, bcprov, bcutil and bcpkix of one version, which Maven's copy-bctls-peer execution puts
 * into target/bctls-VERSION. The peer is compiled once per test JVM against those jars, with the
 * JDK's own compiler, so each handshake costs a JVM start but no compilation.
 */
final class BctlsPeerProgram {
  /** The artifacts the peer needs, all of {@code bctls.peer.jars}' one version. */
  private static final List<String> ARTIFACTS =
      List.of("bctls-jdk18on", "bcprov-jdk18on", "bcutil-jdk18on", "bcpkix-jdk18on");

  private static BctlsPeerProgram compiled;

  private final List<Path> jars;
  private final Path classes;

  private BctlsPeerProgram(List<Path> jars, Path classes) {
    this.jars = jars;
    this.classes = classes;
  }

  /** The compiled peer; fails (never skips) when Maven has not copied the jars. */
  static synchronized BctlsPeerProgram get() {
    if (compiled == null) {
      Path jarDir = Path.of(System.getProperty("bctls.peer.jars", "target/bctls-1.84"));
      Path source = Path.of(System.getProperty("bctls.peer.source", "src/test/bctls-peer/BctlsPeer.java"));
      Path classes = Path.of(System.getProperty("bctls.peer.classes", "target/bctls-peer-classes"));
      compiled = new BctlsPeerProgram(jars(jarDir), classes);
      compiled.compile(source);
    }
    return compiled;
  }

  private static List<Path> jars(Path dir) {
    List<Path> found;
    try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      found = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String artifact : ARTIFACTS) {
      if (found.stream().noneMatch(p -> p.getFileName().toString().startsWith(artifact + "-"))) {
        throw new AssertionError("the bctls peer needs " + artifact + " in " + dir.toAbsolutePath()
            + " (found " + found + "); Maven's copy-bctls-peer execution (simulator/pom.xml,"
            + " phase generate-test-resources) puts it there: run the tests through Maven");
      }
    }
    return found;
  }

  private void compile(Path source) {
    if (!Files.isRegularFile(source)) {
      throw new AssertionError("bctls peer source missing: " + source.toAbsolutePath());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new AssertionError("no Java compiler in " + System.getProperty("java.home") + ": a JDK is needed");
    }
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    try {
      Files.createDirectories(classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int status = javac.run(null, diagnostics, diagnostics, "--release", "17", "-proc:none",
        "-cp", classPath(List.of()), "-d", classes.toString(), source.toString());
    if (status != 0) {
      throw new AssertionError("compiling " + source + " failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * The command line of the peer: the java running this test, the peer's own class path. The
   * peer lives for one handshake, so the JIT's first tier and the serial collector start it
   * fastest.
   */
  List<String> command(List<String> arguments) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Stream.concat(Stream.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", classPath(List.of(classes)), "BctlsPeer"), arguments.stream()).toList();
  }

  private String classPath(List<Path> first) {
    return Stream.concat(first.stream(), jars.stream()).map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator));
  }
}
