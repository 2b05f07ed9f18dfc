package dev.tlssim.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
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

/**
 * The fields of a received certificate that path validation reads, decoded once per certificate.
 *
 * <p>Decoding an extension or the public key parses DER again on every call, and a verification
 * asks for the same fields several times (path building tries each candidate; the anchors are the
 * same certificates in every handshake of a run). The decoded values are therefore kept in a
 * {@link Decoded} shared by every instance made for the same certificate: equal holders have the
 * same DER encoding, so the same fields. Holders are held weakly: a received chain's entries go
 * when its handshake is over. Accessors hand out copies of anything mutable, as they did when
 * each call decoded afresh.
 */
final class CertificateFields {
  /** Synchronized: parallel runs verify at once; the work under the lock is one hash lookup. */
  private static final Map<X509CertificateHolder, Decoded> DECODED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final X509CertificateHolder holder;
  private final Extensions extensions;
  private final Decoded decoded;

  CertificateFields(X509CertificateHolder holder) {
    this.holder = holder;
    this.extensions = holder.getExtensions();
    this.decoded = DECODED.computeIfAbsent(holder, h -> new Decoded());
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
    // Every verification's chain step names the path; formatting an X.500 name is not free.
    return decoded.label.get(() -> "'" + subject() + "' (serial " + serial() + ")");
  }

  /** RFC 5280 §6.1: self-issued means subject and issuer names are the same. */
  boolean selfIssued() {
    return subject().equals(issuer());
  }

  Instant notBefore() {
    // BouncyCastle parses the ASN.1 time string with a SimpleDateFormat on every call.
    return decoded.notBefore.get(() -> holder.getNotBefore().toInstant());
  }

  Instant notAfter() {
    return decoded.notAfter.get(() -> holder.getNotAfter().toInstant());
  }

  AsymmetricKeyParameter publicKey() {
    // Key parameters are immutable: one instance serves every caller.
    return decoded.publicKey.get(() -> SignatureOperators.publicKey(holder.getSubjectPublicKeyInfo()));
  }

  /** Whether this certificate's signature verifies with the other certificate's public key. */
  boolean signatureVerifiesWith(CertificateFields issuer, SignatureCheck check) {
    return check.verifies(this::encoded, issuer::publicKeyInfo, () -> {
      try {
        return holder.isSignatureValid(SignatureOperators.verifier(issuer.publicKey()));
      } catch (CertException | RuntimeException e) {
        // A key of the wrong type for the signature algorithm cannot verify it either.
        return false;
      }
    });
  }

  byte[] publicKeyInfo() {
    try {
      return holder.getSubjectPublicKeyInfo().getEncoded();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private byte[] encoded() {
    try {
      return holder.getEncoded();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Optional<BasicConstraints> basicConstraints() {
    return decoded.basicConstraints.get(() -> Optional.ofNullable(BasicConstraints.fromExtensions(extensions)));
  }

  /** The asserted keyUsage bits, or empty when the extension is absent (no restriction). */
  Optional<Set<KeyUsageBit>> keyUsage() {
    return decoded.keyUsage.get(this::decodeKeyUsage).map(EnumSet::copyOf);
  }

  private Optional<EnumSet<KeyUsageBit>> decodeKeyUsage() {
    KeyUsage usage = KeyUsage.fromExtensions(extensions);
    if (usage == null) {
      return Optional.empty();
    }
    EnumSet<KeyUsageBit> bits = EnumSet.noneOf(KeyUsageBit.class);
    for (KeyUsageBit bit : KeyUsageBit.values()) {
      if (usage.hasUsages(bit.mask())) {
        bits.add(bit);
      }
    }
    return Optional.of(bits);
  }

  /** The extendedKeyUsage purposes, or empty when the extension is absent (no restriction). */
  Optional<List<KeyPurposeId>> extendedKeyUsage() {
    return decoded.extendedKeyUsage.get(() -> {
      ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(extensions);
      return eku == null ? Optional.empty() : Optional.of(List.of(eku.getUsages()));
    });
  }

  List<String> dnsNames() {
    return new ArrayList<>(decoded.dnsNames.get(this::decodeDnsNames));
  }

  private List<String> decodeDnsNames() {
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
    return List.copyOf(names);
  }

  boolean hasSubjectAltName() {
    return extensions != null && extensions.getExtension(Extension.subjectAlternativeName) != null;
  }

  List<String> commonNames() {
    return new ArrayList<>(decoded.commonNames.get(() -> {
      List<String> names = new ArrayList<>();
      for (RDN rdn : subject().getRDNs(BCStyle.CN)) {
        names.add(((ASN1String) rdn.getFirst().getValue()).getString());
      }
      return List.copyOf(names);
    }));
  }

  Optional<byte[]> subjectKeyIdentifier() {
    return decoded.subjectKeyIdentifier.get(() -> {
      SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(extensions);
      return ski == null ? Optional.<byte[]>empty() : Optional.of(ski.getKeyIdentifier());
    }).map(byte[]::clone);
  }

  Optional<byte[]> authorityKeyIdentifier() {
    return decoded.authorityKeyIdentifier.get(() -> {
      AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
      return aki == null || aki.getKeyIdentifierObject() == null
          ? Optional.<byte[]>empty()
          : Optional.of(aki.getKeyIdentifierObject().getOctets());
    }).map(byte[]::clone);
  }

  /** Same DER encoding: the same certificate. */
  boolean sameCertificate(CertificateFields other) {
    return holder.equals(other.holder);
  }

  /**
   * One certificate's decoded fields, each decoded on first use. It must not reference its
   * certificate: the cache holds the certificate weakly only while nothing else does.
   */
  private static final class Decoded {
    final Memo<String> label = new Memo<>();
    final Memo<Instant> notBefore = new Memo<>();
    final Memo<Instant> notAfter = new Memo<>();
    final Memo<AsymmetricKeyParameter> publicKey = new Memo<>();
    final Memo<Optional<BasicConstraints>> basicConstraints = new Memo<>();
    final Memo<Optional<EnumSet<KeyUsageBit>>> keyUsage = new Memo<>();
    final Memo<Optional<List<KeyPurposeId>>> extendedKeyUsage = new Memo<>();
    final Memo<List<String>> dnsNames = new Memo<>();
    final Memo<List<String>> commonNames = new Memo<>();
    final Memo<Optional<byte[]>> subjectKeyIdentifier = new Memo<>();
    final Memo<Optional<byte[]>> authorityKeyIdentifier = new Memo<>();
  }

  /**
   * A value decoded once. Two threads may both decode it the first time; they get equal values
   * and either may stay, so no lock is needed, and the volatile field publishes it whole. A
   * decoding that throws is not kept: the next call throws again, as before caching.
   */
  private static final class Memo<T> {
    private volatile T value;

    T get(Supplier<T> decode) {
      T v = value;
      if (v == null) {
        v = decode.get();
        value = v;
      }
      return v;
    }
  }
}
