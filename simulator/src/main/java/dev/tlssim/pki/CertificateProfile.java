package dev.tlssim.pki;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * What a certificate should say, before a CA signs it: the fields of the TBSCertificate (RFC 5280
 * §4.1) and the extensions (§4.2) this simulator uses. Anything may be set, including the wrong
 * things (an expired window, another host, clientAuth only): teaching scenarios need bad
 * certificates that are otherwise perfectly well-formed.
 *
 * @param subjectCommonName the subject's commonName; the subject DN is {@code CN=<this>}
 * @param dnsNames subjectAltName dNSNames, wildcards allowed ({@code *.example.com}); empty means
 *     no subjectAltName extension at all (only the legacy CN then names the host)
 * @param notBefore start of validity; X.509 keeps whole seconds, so sub-seconds are dropped
 * @param notAfter end of validity, inclusive (RFC 5280 §4.1.2.5)
 * @param subjectPublicKey the key being certified (RSA or EC)
 * @param certificateAuthority the basicConstraints cA flag (RFC 5280 §4.2.1.9)
 * @param pathLenConstraint basicConstraints pathLenConstraint; only meaningful for a CA
 * @param keyUsage keyUsage bits; empty means no keyUsage extension
 * @param extendedKeyUsage extendedKeyUsage purposes; empty means no extendedKeyUsage extension
 */
public record CertificateProfile(
    String subjectCommonName,
    List<String> dnsNames,
    Instant notBefore,
    Instant notAfter,
    AsymmetricKeyParameter subjectPublicKey,
    boolean certificateAuthority,
    OptionalInt pathLenConstraint,
    Set<KeyUsageBit> keyUsage,
    Set<KeyPurpose> extendedKeyUsage) {

  public CertificateProfile {
    Objects.requireNonNull(subjectCommonName, "subjectCommonName");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(subjectPublicKey, "subjectPublicKey");
    Objects.requireNonNull(pathLenConstraint, "pathLenConstraint");
    if (subjectPublicKey.isPrivate()) {
      throw new IllegalArgumentException("a certificate certifies a public key");
    }
    if (pathLenConstraint.isPresent() && !certificateAuthority) {
      // RFC 5280 §4.2.1.9: pathLenConstraint MUST NOT be present unless cA is asserted.
      throw new IllegalArgumentException("pathLenConstraint requires cA=TRUE");
    }
    dnsNames = List.copyOf(dnsNames);
    // EnumSets iterate in declaration order, so extensions encode the same way every run.
    keyUsage = Collections.unmodifiableSet(enumSet(KeyUsageBit.class, keyUsage));
    extendedKeyUsage = Collections.unmodifiableSet(enumSet(KeyPurpose.class, extendedKeyUsage));
  }

  private static <E extends Enum<E>> EnumSet<E> enumSet(Class<E> type, Set<E> values) {
    EnumSet<E> set = EnumSet.noneOf(type);
    set.addAll(values);
    return set;
  }

  /**
   * A TLS server certificate as CAs issue them: the host in both the CN and a SAN dNSName (RFC 6125
   * §6.4.4 makes clients look at SANs only), cA=FALSE, serverAuth, and the keyUsage the key type
   * needs: digitalSignature to sign (EC)DHE parameters, plus keyEncipherment for an RSA key so the
   * TLS_RSA_* key exchange can encrypt the premaster secret to it (RFC 5246 §7.4.2).
   */
  public static Builder tlsServer(
      String host, AsymmetricKeyParameter publicKey, Instant notBefore, Instant notAfter) {
    EnumSet<KeyUsageBit> usage = EnumSet.of(KeyUsageBit.DIGITAL_SIGNATURE);
    if (publicKey instanceof RSAKeyParameters) {
      usage.add(KeyUsageBit.KEY_ENCIPHERMENT);
    }
    return new Builder(host, publicKey, notBefore, notAfter)
        .dnsNames(List.of(host))
        .keyUsage(usage)
        .extendedKeyUsage(EnumSet.of(KeyPurpose.SERVER_AUTH));
  }

  /**
   * A CA certificate: cA=TRUE, keyCertSign and cRLSign (RFC 5280 §4.2.1.3: a CA key that signs
   * certificates must assert keyCertSign), no SAN and no extendedKeyUsage.
   */
  public static Builder certificateAuthority(
      String commonName, AsymmetricKeyParameter publicKey, Instant notBefore, Instant notAfter) {
    return new Builder(commonName, publicKey, notBefore, notAfter)
        .certificateAuthority(true)
        .keyUsage(EnumSet.of(KeyUsageBit.KEY_CERT_SIGN, KeyUsageBit.CRL_SIGN));
  }

  public Builder toBuilder() {
    return new Builder(subjectCommonName, subjectPublicKey, notBefore, notAfter)
        .dnsNames(dnsNames)
        .certificateAuthority(certificateAuthority)
        .pathLenConstraint(pathLenConstraint)
        .keyUsage(keyUsage)
        .extendedKeyUsage(extendedKeyUsage);
  }

  /** Builds a profile; start from {@link #tlsServer} or {@link #certificateAuthority}. */
  public static final class Builder {
    private String subjectCommonName;
    private List<String> dnsNames = new ArrayList<>();
    private Instant notBefore;
    private Instant notAfter;
    private AsymmetricKeyParameter subjectPublicKey;
    private boolean certificateAuthority;
    private OptionalInt pathLenConstraint = OptionalInt.empty();
    private Set<KeyUsageBit> keyUsage = Set.of();
    private Set<KeyPurpose> extendedKeyUsage = Set.of();

    private Builder(
        String subjectCommonName,
        AsymmetricKeyParameter subjectPublicKey,
        Instant notBefore,
        Instant notAfter) {
      this.subjectCommonName = subjectCommonName;
      this.subjectPublicKey = subjectPublicKey;
      this.notBefore = notBefore;
      this.notAfter = notAfter;
    }

    public Builder subjectCommonName(String commonName) {
      this.subjectCommonName = commonName;
      return this;
    }

    public Builder dnsNames(List<String> names) {
      this.dnsNames = new ArrayList<>(names);
      return this;
    }

    public Builder dnsNames(String... names) {
      return dnsNames(List.of(names));
    }

    /** A certificate with only a CN: for the legacy CN-fallback lesson. */
    public Builder noSubjectAltName() {
      return dnsNames(List.of());
    }

    public Builder validity(Instant notBefore, Instant notAfter) {
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    public Builder subjectPublicKey(AsymmetricKeyParameter publicKey) {
      this.subjectPublicKey = publicKey;
      return this;
    }

    public Builder certificateAuthority(boolean ca) {
      this.certificateAuthority = ca;
      return this;
    }

    public Builder pathLenConstraint(int pathLen) {
      return pathLenConstraint(OptionalInt.of(pathLen));
    }

    public Builder pathLenConstraint(OptionalInt pathLen) {
      this.pathLenConstraint = pathLen;
      return this;
    }

    public Builder keyUsage(Set<KeyUsageBit> bits) {
      this.keyUsage = bits;
      return this;
    }

    public Builder keyUsage(KeyUsageBit first, KeyUsageBit... rest) {
      return keyUsage(EnumSet.of(first, rest));
    }

    public Builder extendedKeyUsage(Set<KeyPurpose> purposes) {
      this.extendedKeyUsage = purposes;
      return this;
    }

    public Builder extendedKeyUsage(KeyPurpose first, KeyPurpose... rest) {
      return extendedKeyUsage(EnumSet.of(first, rest));
    }

    public CertificateProfile build() {
      return new CertificateProfile(
          subjectCommonName,
          dnsNames,
          notBefore,
          notAfter,
          subjectPublicKey,
          certificateAuthority,
          pathLenConstraint,
          keyUsage,
          extendedKeyUsage);
    }
  }
}
