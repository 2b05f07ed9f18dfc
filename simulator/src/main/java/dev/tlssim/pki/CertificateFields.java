package dev.tlssim.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** The fields of a received certificate that path validation reads, decoded once. */
final class CertificateFields {
  private final X509CertificateHolder holder;
  private final Extensions extensions;

  CertificateFields(X509CertificateHolder holder) {
    this.holder = holder;
    this.extensions = holder.getExtensions();
  }

  X509CertificateHolder holder() {
    return holder;
  }

  X500Name subject() {
    return holder.getSubject();
  }

  X500Name issuer() {
    return holder.getIssuer();
  }

  BigInteger serial() {
    return holder.getSerialNumber();
  }

  /** How details name a certificate: its subject and serial number. */
  String label() {
    return "'" + subject() + "' (serial " + serial() + ")";
  }

  /** RFC 5280 §6.1: self-issued means subject and issuer names are the same. */
  boolean selfIssued() {
    return subject().equals(issuer());
  }

  Instant notBefore() {
    return holder.getNotBefore().toInstant();
  }

  Instant notAfter() {
    return holder.getNotAfter().toInstant();
  }

  AsymmetricKeyParameter publicKey() {
    return SignatureOperators.publicKey(holder.getSubjectPublicKeyInfo());
  }

  /** Whether this certificate's signature verifies with the other certificate's public key. */
  boolean signatureVerifiesWith(CertificateFields issuer) {
    try {
      return holder.isSignatureValid(SignatureOperators.verifier(issuer.publicKey()));
    } catch (CertException | RuntimeException e) {
      // A key of the wrong type for the signature algorithm cannot verify it either.
      return false;
    }
  }

  Optional<BasicConstraints> basicConstraints() {
    return Optional.ofNullable(BasicConstraints.fromExtensions(extensions));
  }

  /** The asserted keyUsage bits, or empty when the extension is absent (no restriction). */
  Optional<Set<KeyUsageBit>> keyUsage() {
    KeyUsage usage = KeyUsage.fromExtensions(extensions);
    if (usage == null) {
      return Optional.empty();
    }
    Set<KeyUsageBit> bits = EnumSet.noneOf(KeyUsageBit.class);
    for (KeyUsageBit bit : KeyUsageBit.values()) {
      if (usage.hasUsages(bit.mask())) {
        bits.add(bit);
      }
    }
    return Optional.of(bits);
  }

  /** The extendedKeyUsage purposes, or empty when the extension is absent (no restriction). */
  Optional<List<KeyPurposeId>> extendedKeyUsage() {
    ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(extensions);
    return eku == null ? Optional.empty() : Optional.of(List.of(eku.getUsages()));
  }

  List<String> dnsNames() {
    List<String> names = new ArrayList<>();
    GeneralNames san =
        GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
    if (san != null) {
      for (GeneralName name : san.getNames()) {
        if (name.getTagNo() == GeneralName.dNSName) {
          names.add(((ASN1String) name.getName()).getString());
        }
      }
    }
    return names;
  }

  boolean hasSubjectAltName() {
    return extensions != null && extensions.getExtension(Extension.subjectAlternativeName) != null;
  }

  List<String> commonNames() {
    List<String> names = new ArrayList<>();
    for (RDN rdn : subject().getRDNs(BCStyle.CN)) {
      names.add(((ASN1String) rdn.getFirst().getValue()).getString());
    }
    return names;
  }

  Optional<byte[]> subjectKeyIdentifier() {
    SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(extensions);
    return ski == null ? Optional.empty() : Optional.of(ski.getKeyIdentifier());
  }

  Optional<byte[]> authorityKeyIdentifier() {
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
    return aki == null || aki.getKeyIdentifierObject() == null
        ? Optional.empty()
        : Optional.of(aki.getKeyIdentifierObject().getOctets());
  }

  /** Same DER encoding: the same certificate. */
  boolean sameCertificate(CertificateFields other) {
    return holder.equals(other.holder);
  }
}
