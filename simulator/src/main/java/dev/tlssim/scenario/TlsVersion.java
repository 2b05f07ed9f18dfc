package dev.tlssim.scenario;

import dev.tlssim.tls.ProtocolVersion;

/** A TLS version a scenario may name, with the names the engines know it by. */
public enum TlsVersion {
  TLS10(ProtocolVersion.TLS10, "TLSv1"),
  TLS11(ProtocolVersion.TLS11, "TLSv1.1"),
  TLS12(ProtocolVersion.TLS12, "TLSv1.2"),
  TLS13(ProtocolVersion.TLS13, "TLSv1.3");

  private final ProtocolVersion protocolVersion;
  private final String jdkName;

  TlsVersion(ProtocolVersion protocolVersion, String jdkName) {
    this.protocolVersion = protocolVersion;
    this.jdkName = jdkName;
  }

  public ProtocolVersion protocolVersion() {
    return protocolVersion;
  }

  /** The JDK's protocol name ({@code SSLEngine.setEnabledProtocols}). */
  public String jdkName() {
    return jdkName;
  }

  /** "1.2", "TLSv1.2" or "TLS1.2", with {@link ProtocolVersion#parse}'s error for anything else. */
  public static TlsVersion parse(String text) {
    ProtocolVersion v = ProtocolVersion.parse(text);
    for (TlsVersion t : values()) {
      if (t.protocolVersion.equals(v)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown TLS version '" + text + "' (use 1.0, 1.1, 1.2 or 1.3)");
  }
}
