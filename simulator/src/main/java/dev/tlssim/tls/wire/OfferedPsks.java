package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * pre_shared_key in a ClientHello (RFC 8446 §4.2.11):
 *
 * <pre>
 * opaque PskBinderEntry&lt;32..255&gt;;
 * struct {
 *     PskIdentity identities&lt;7..2^16-1&gt;;
 *     PskBinderEntry binders&lt;33..2^16-1&gt;;
 * } OfferedPsks;
 * </pre>
 *
 * There is one binder per identity, in the same order; a count that differs is an
 * illegal_parameter (the lists parse, they are inconsistent with each other). The binders are
 * HMACs over the ClientHello truncated just before the binders list (§4.2.11.2):
 * {@link #truncate} produces that prefix from an encoded ClientHello.
 */
public record OfferedPsks(List<PskIdentity> identities, List<byte[]> binders)
    implements PreSharedKey {
  public static final int MIN_BINDER_LENGTH = 32;
  public static final int MAX_BINDER_LENGTH = 255;

  public OfferedPsks {
    identities = List.copyOf(identities);
    if (identities.isEmpty()) {
      throw new IllegalArgumentException("identities must not be empty");
    }
    if (binders.size() != identities.size()) {
      throw new IllegalArgumentException(
          binders.size() + " binder(s) for " + identities.size() + " identity(ies)");
    }
    List<byte[]> copies = new ArrayList<>(binders.size());
    for (byte[] b : binders) {
      if (b.length < MIN_BINDER_LENGTH || b.length > MAX_BINDER_LENGTH) {
        throw new IllegalArgumentException("PskBinderEntry needs 32..255 bytes: " + b.length);
      }
      copies.add(b.clone());
    }
    binders = List.copyOf(copies);
  }

  @Override
  public List<byte[]> binders() {
    return binders.stream().map(byte[]::clone).toList();
  }

  /** The encoded binders list, length prefix included: what follows the partial ClientHello. */
  public byte[] encodeBinders() {
    return new WireWriter().vector16(w -> binders.forEach(w::vector8)).toByteArray();
  }

  /** How many bytes the binders list takes at the very end of the ClientHello. */
  public int bindersLength() {
    int n = 2;
    for (byte[] b : binders) {
      n += 1 + b.length;
    }
    return n;
  }

  /**
   * The partial ClientHello the binders are computed over (RFC 8446 §4.2.11.2): the encoded
   * ClientHello handshake message, header included, without its trailing binders list. The hello
   * must end with this extension, as §4.2.11 requires.
   */
  public byte[] truncate(byte[] clientHelloMessage) {
    byte[] expected = encodeBinders();
    int cut = clientHelloMessage.length - expected.length;
    if (cut < 0 || !Arrays.equals(clientHelloMessage, cut, clientHelloMessage.length,
        expected, 0, expected.length)) {
      throw new IllegalArgumentException("the ClientHello does not end with these binders");
    }
    return Arrays.copyOf(clientHelloMessage, cut);
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter()
        .vector16(w -> identities.forEach(i -> i.encode(w)))
        .bytes(encodeBinders())
        .toByteArray();
  }

  static OfferedPsks decode(WireReader r) throws TlsAlertException {
    WireReader identityList = r.nested16("identities", 7, 0xffff);
    List<PskIdentity> identities = new ArrayList<>();
    for (int i = 0; identityList.hasRemaining(); i++) {
      identityList.enter("identities", i);
      identities.add(PskIdentity.decode(identityList));
      identityList.exit();
    }
    WireReader binderList = r.nested16("binders", 33, 0xffff);
    r.expectEnd();
    List<byte[]> binders = new ArrayList<>();
    for (int i = 0; binderList.hasRemaining(); i++) {
      binders.add(binderList.vector8(binderList.annotating() ? "binders[" + i + "]" : "binder",
          MIN_BINDER_LENGTH, MAX_BINDER_LENGTH));
    }
    if (binders.size() != identities.size()) {
      throw Tls13Extensions.illegal("pre_shared_key: " + binders.size() + " binder(s) for "
          + identities.size() + " identity(ies) (RFC 8446 §4.2.11)");
    }
    return new OfferedPsks(identities, binders);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OfferedPsks p) || !identities.equals(p.identities)
        || binders.size() != p.binders.size()) {
      return false;
    }
    for (int i = 0; i < binders.size(); i++) {
      if (!Arrays.equals(binders.get(i), p.binders.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = identities.hashCode();
    for (byte[] b : binders) {
      h = 31 * h + Arrays.hashCode(b);
    }
    return h;
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "OfferedPsks[" + identities + ", binders=" + binders.stream().map(hex::formatHex)
        .toList() + "]";
  }
}
