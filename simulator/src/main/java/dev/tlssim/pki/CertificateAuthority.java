package dev.tlssim.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * A certification authority: a key pair, the certificate that certifies it, and the bookkeeping of
 * what it has issued (sequential serial numbers, revocations, CRL numbers). Roots are
 * self-signed; intermediates are certified by their parent.
 *
 * <p>Sans-I/O and deterministic: times are simulated {@link Instant}s given by the caller, serials
 * count up from 1 per CA, signatures are deterministic, so the same calls on the same keys produce
 * byte-identical certificates and CRLs. Methods are synchronized, but the intended owner is a
 * single actor.
 */
public final class CertificateAuthority {
  private final X509CertificateHolder certificate;
  private final AsymmetricCipherKeyPair keyPair;
  private final CertificateAuthority parent;
  private final SortedMap<BigInteger, RevokedCertificate> revoked = new TreeMap<>();
  private long nextSerial = 1;
  private long nextCrlNumber = 1;

  private CertificateAuthority(
      X509CertificateHolder certificate,
      AsymmetricCipherKeyPair keyPair,
      CertificateAuthority parent) {
    this.certificate = certificate;
    this.keyPair = keyPair;
    this.parent = parent;
  }

  /** A self-signed root CA certificate with the usual CA profile. */
  public static CertificateAuthority root(
      String commonName, AsymmetricCipherKeyPair keyPair, Instant notBefore, Instant notAfter) {
    return root(
        CertificateProfile.certificateAuthority(commonName, keyPair.getPublic(), notBefore, notAfter)
            .build(),
        keyPair);
  }

  /**
   * A self-signed root: issuer = subject, signed by its own key. Its serial is the first of its
   * own sequence. The authorityKeyIdentifier is omitted, as RFC 5280 §4.2.1.1 allows for a
   * self-signed certificate (it would only repeat the subjectKeyIdentifier).
   */
  public static CertificateAuthority root(
      CertificateProfile profile, AsymmetricCipherKeyPair keyPair) {
    requireKeyOf(profile, keyPair);
    X500Name name = distinguishedName(profile.subjectCommonName());
    X509CertificateHolder self =
        build(profile, name, BigInteger.ONE, null, keyPair.getPrivate());
    CertificateAuthority ca = new CertificateAuthority(self, keyPair, null);
    ca.nextSerial = 2;
    return ca;
  }

  /** A subordinate CA certified by this CA, with the usual CA profile and no path length limit. */
  public CertificateAuthority intermediate(
      String commonName, AsymmetricCipherKeyPair keyPair, Instant notBefore, Instant notAfter) {
    return intermediate(
        CertificateProfile.certificateAuthority(commonName, keyPair.getPublic(), notBefore, notAfter)
            .build(),
        keyPair);
  }

  /** A subordinate CA certified by this CA according to the profile (e.g. with a pathLen). */
  public synchronized CertificateAuthority intermediate(
      CertificateProfile profile, AsymmetricCipherKeyPair keyPair) {
    requireKeyOf(profile, keyPair);
    return new CertificateAuthority(issue(profile), keyPair, this);
  }

  /**
   * Lets a certificate this CA issued sign certificates, whatever its basicConstraints say. This
   * is how the "leaf used as a CA" attack is built: the holder of an ordinary server certificate
   * (cA=FALSE) issues a certificate for someone else's host; only a verifier that checks
   * basicConstraints (RFC 5280 §6.1.4 (k)) notices.
   */
  public CertificateAuthority issuerFrom(
      X509CertificateHolder issued, AsymmetricCipherKeyPair keyPair) {
    if (!issued.getIssuer().equals(name())) {
      throw new IllegalArgumentException("not issued by " + name() + ": " + issued.getSubject());
    }
    if (!issued.getSubjectPublicKeyInfo().equals(subjectPublicKeyInfo(keyPair.getPublic()))) {
      throw new IllegalArgumentException("key pair does not match " + issued.getSubject());
    }
    return new CertificateAuthority(issued, keyPair, this);
  }

  /** Issues a certificate for the profile, with the next serial number. */
  public synchronized X509CertificateHolder issue(CertificateProfile profile) {
    BigInteger serial = BigInteger.valueOf(nextSerial++);
    return build(
        profile,
        name(),
        serial,
        certificate.getExtensions() == null ? null : SubjectKeyIdentifier.fromExtensions(
            certificate.getExtensions()),
        keyPair.getPrivate());
  }

  /**
   * A certificate that names this CA as its issuer (subject DN and authorityKeyIdentifier) but is
   * signed with another key: what a forger without the CA's private key can produce.
   */
  X509CertificateHolder forge(
      CertificateProfile profile, BigInteger serial, AsymmetricKeyParameter forgerPrivateKey) {
    return build(
        profile,
        name(),
        serial,
        SubjectKeyIdentifier.fromExtensions(certificate.getExtensions()),
        forgerPrivateKey);
  }

  /**
   * Records a revocation; it appears in every CRL issued from now on (RFC 5280 §5.1.2.6). Revoking
   * the same serial again keeps the first entry.
   */
  public synchronized void revoke(BigInteger serial, Instant when, RevocationReason reason) {
    revoked.putIfAbsent(serial, new RevokedCertificate(serial, when, reason));
  }

  /** Revokes a certificate this CA issued. */
  public void revoke(X509CertificateHolder issued, Instant when, RevocationReason reason) {
    if (!issued.getIssuer().equals(name())) {
      throw new IllegalArgumentException("not issued by " + name() + ": " + issued.getSubject());
    }
    revoke(issued.getSerialNumber(), when, reason);
  }

  /**
   * A signed v2 CRL (RFC 5280 §5.1) listing every revocation so far, with the two extensions a
   * conforming CA MUST include: authorityKeyIdentifier (§5.2.1) and a monotonically increasing
   * cRLNumber (§5.2.3). nextUpdate is always present, as §5.1.2.5 requires of conforming CAs.
   */
  public synchronized X509CRLHolder crl(Instant thisUpdate, Instant nextUpdate) {
    X509v2CRLBuilder builder = new X509v2CRLBuilder(name(), time(thisUpdate));
    builder.setNextUpdate(time(nextUpdate));
    for (RevokedCertificate entry : revoked.values()) {
      // reason 0 makes BouncyCastle omit the reasonCode extension, as §5.3.1 recommends.
      builder.addCRLEntry(entry.serial(), date(entry.revocationDate()), entry.reason().code());
    }
    try {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new AuthorityKeyIdentifier(
              SubjectKeyIdentifier.fromExtensions(certificate.getExtensions())
                  .getKeyIdentifier()));
      builder.addExtension(
          Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(nextCrlNumber++)));
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode CRL extensions", e);
    }
    return builder.build(SignatureOperators.signer(keyPair.getPrivate()));
  }

  /**
   * The chain a TLS server sends for a certificate this CA issued: the leaf, then this CA and its
   * ancestors up to, but not including, the self-signed root. RFC 5246 §7.4.2 lets the root be
   * omitted "under the assumption that the remote end must already possess it".
   */
  public CertificateChain chainFor(X509CertificateHolder leaf) {
    List<X509CertificateHolder> certificates = new ArrayList<>();
    certificates.add(leaf);
    for (CertificateAuthority ca = this; ca.parent != null; ca = ca.parent) {
      certificates.add(ca.certificate);
    }
    return new CertificateChain(certificates);
  }

  /** The self-signed certificate at the top of this CA's hierarchy: what clients trust. */
  public X509CertificateHolder rootCertificate() {
    CertificateAuthority ca = this;
    while (ca.parent != null) {
      ca = ca.parent;
    }
    return ca.certificate;
  }

  public X509CertificateHolder certificate() {
    return certificate;
  }

  public X500Name name() {
    return certificate.getSubject();
  }

  public AsymmetricKeyParameter publicKey() {
    return keyPair.getPublic();
  }

  public Optional<CertificateAuthority> parent() {
    return Optional.ofNullable(parent);
  }

  /** Whether this CA has issued a certificate with this serial (serials count up from 1). */
  public synchronized boolean issued(BigInteger serial) {
    return serial.signum() > 0 && serial.compareTo(BigInteger.valueOf(nextSerial)) < 0;
  }

  /** The revocation recorded for this serial, if any. */
  public synchronized Optional<RevokedCertificate> revocation(BigInteger serial) {
    return Optional.ofNullable(revoked.get(serial));
  }

  /** The key this CA signs with: certificates, CRLs and its OCSP responses. */
  AsymmetricKeyParameter signingKey() {
    return keyPair.getPrivate();
  }

  /** The revocations recorded so far, by serial number. */
  public synchronized List<RevokedCertificate> revocations() {
    return Collections.unmodifiableList(new ArrayList<>(revoked.values()));
  }

  /** A revocation as a CRL entry records it (RFC 5280 §5.1.2.6). */
  public record RevokedCertificate(BigInteger serial, Instant revocationDate, RevocationReason reason) {
    public RevokedCertificate {
      Objects.requireNonNull(serial, "serial");
      Objects.requireNonNull(revocationDate, "revocationDate");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private static X509CertificateHolder build(
      CertificateProfile profile,
      X500Name issuer,
      BigInteger serial,
      SubjectKeyIdentifier issuerKeyIdentifier,
      AsymmetricKeyParameter signingKey) {
    SubjectPublicKeyInfo spki = subjectPublicKeyInfo(profile.subjectPublicKey());
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            issuer,
            serial,
            time(profile.notBefore()),
            time(profile.notAfter()),
            distinguishedName(profile.subjectCommonName()),
            spki);
    try {
      // §4.2.1.9: basicConstraints MUST be critical in CA certificates; we mark it critical in
      // all, so a leaf's cA=FALSE cannot be ignored.
      BasicConstraints basicConstraints =
          !profile.certificateAuthority()
              ? new BasicConstraints(false)
              : profile.pathLenConstraint().isPresent()
                  ? new BasicConstraints(profile.pathLenConstraint().getAsInt())
                  : new BasicConstraints(true);
      builder.addExtension(Extension.basicConstraints, true, basicConstraints);
      if (!profile.keyUsage().isEmpty()) {
        int bits = 0;
        for (KeyUsageBit bit : profile.keyUsage()) {
          bits |= bit.mask();
        }
        // §4.2.1.3: conforming CAs SHOULD mark keyUsage critical.
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(bits));
      }
      if (!profile.extendedKeyUsage().isEmpty()) {
        KeyPurposeId[] purposes =
            profile.extendedKeyUsage().stream().map(KeyPurpose::id).toArray(KeyPurposeId[]::new);
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
      }
      if (!profile.dnsNames().isEmpty()) {
        GeneralName[] names =
            profile.dnsNames().stream()
                .map(n -> new GeneralName(GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
        // §4.2.1.6: non-critical because the subject DN is not empty.
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      // §4.2.1.2 method (1): the SHA-1 hash of the subjectPublicKey bits.
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new BcX509ExtensionUtils().createSubjectKeyIdentifier(profile.subjectPublicKey()));
      if (issuerKeyIdentifier != null) {
        // §4.2.1.1: the keyIdentifier MUST equal the issuer's subjectKeyIdentifier; path
        // builders use it to pick the right issuer when names collide.
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            new AuthorityKeyIdentifier(issuerKeyIdentifier.getKeyIdentifier()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode certificate extensions", e);
    }
    return builder.build(SignatureOperators.signer(signingKey));
  }

  static X500Name distinguishedName(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static void requireKeyOf(CertificateProfile profile, AsymmetricCipherKeyPair keyPair) {
    if (!subjectPublicKeyInfo(profile.subjectPublicKey())
        .equals(subjectPublicKeyInfo(keyPair.getPublic()))) {
      throw new IllegalArgumentException("the profile certifies a different key than the CA's");
    }
  }

  private static SubjectPublicKeyInfo subjectPublicKeyInfo(AsymmetricKeyParameter publicKey) {
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode public key", e);
    }
  }

  /**
   * X.509 times have whole seconds (RFC 5280 §4.1.2.5.1/§4.1.2.5.2: no fractional seconds);
   * BouncyCastle picks UTCTime through 2049 and GeneralizedTime from 2050, as §4.1.2.5 requires.
   */
  private static Time time(Instant instant) {
    return new Time(date(instant));
  }

  private static Date date(Instant instant) {
    return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
