package dev.tlssim.scenario;

import dev.tlssim.pki.KeyPurpose;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The scenario's PKI: certificate authorities and the certificates they issue when the scenario
 * starts. Times are offsets from {@code epoch}, the wall-clock instant virtual time 0 stands for.
 */
public record PkiSpec(Instant epoch, Map<String, Authority> authorities, Map<String, Certificate> certificates) {

  public static final Instant DEFAULT_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  public static final PkiSpec NONE = new PkiSpec(DEFAULT_EPOCH, Map.of(), Map.of());

  public enum KeyType {
    RSA2048("rsa2048"), RSA4096("rsa4096"), ECDSA_P256("ecdsa-p256"), MLDSA44("mldsa44"), MLDSA65("mldsa65");

    private final String key;

    KeyType(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** ML-DSA keys sign in TLS 1.3 only (draft-ietf-tls-mldsa §3). */
    public boolean isMlDsa() {
      return this == MLDSA44 || this == MLDSA65;
    }

    public static KeyType parse(String text) {
      for (KeyType k : values()) {
        if (k.key.equals(text.trim().toLowerCase())) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown key type '" + text + "' (use rsa2048, rsa4096, ecdsa-p256, mldsa44 or mldsa65)");
    }
  }

  /** A CA: a root when {@code issuer} is null, else an intermediate certified by that authority. */
  public record Authority(String name, String subject, KeyType key, String issuer, long notBefore, long notAfter,
      Integer pathLen) {}

  /**
   * A certificate to issue, signed by {@code issuer}. Flags make the deliberately bad certificates
   * the teaching scenarios need; {@code extendedKeyUsage} empty means no such extension.
   */
  public record Certificate(String name, Issuer issuer, KeyType key, List<String> dnsNames, long notBefore,
      long notAfter, Set<KeyPurpose> extendedKeyUsage, boolean revoked, boolean corruptSignature) {
    public Certificate {
      dnsNames = List.copyOf(dnsNames);
      extendedKeyUsage = Set.copyOf(extendedKeyUsage);
    }
  }

  /** Who signs a certificate. */
  public sealed interface Issuer {
    /** One of the scenario's authorities. */
    record ByAuthority(String authority) implements Issuer {}

    /** Another certificate, which then signs as if it were a CA: the basicConstraints abuse. */
    record ByCertificate(String certificate) implements Issuer {}

    /** The certificate itself: issuer and subject are one. */
    record SelfSigned() implements Issuer {}
  }
}
