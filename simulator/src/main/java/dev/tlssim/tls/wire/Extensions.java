package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An extension block, {@code Extension extensions<0..2^16-1>} (RFC 5246 §7.4.1.4), in wire
 * order. Order is preserved because it is visible in the transcript and some peers care about it.
 *
 * <p>Duplicates: RFC 5246 §7.4.1.4 says "There MUST NOT be more than one extension of the same
 * type" but names no alert. We send illegal_parameter: the block parses correctly (so it is not
 * a decode_error, "the length of the message was incorrect"), it is rather "a field in the
 * handshake [...] inconsistent with other fields" (RFC 5246 §7.2.2 illegal_parameter).
 */
public record Extensions(List<Extension> list) {
  public static final Extensions EMPTY = new Extensions(List.of());

  public Extensions {
    list = List.copyOf(list);
    Set<Integer> seen = new HashSet<>();
    for (Extension e : list) {
      if (!seen.add(e.typeCode())) {
        throw new IllegalArgumentException(
            "duplicate extension " + ExtensionType.describe(e.typeCode()));
      }
    }
  }

  public static Extensions of(Extension... extensions) {
    return new Extensions(List.of(extensions));
  }

  public Optional<Extension> find(int typeCode) {
    return list.stream().filter(e -> e.typeCode() == typeCode).findFirst();
  }

  public Optional<Extension> find(ExtensionType type) {
    return find(type.code());
  }

  /** The extension of the given class, e.g. {@code find(ServerName.class)}. */
  public <T extends Extension> Optional<T> find(Class<T> kind) {
    return list.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  public boolean contains(ExtensionType type) {
    return find(type).isPresent();
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** Writes the whole block, 2-byte length prefix included. */
  public void encode(WireWriter w) {
    w.vector16(inner -> list.forEach(e -> inner.u16(e.typeCode()).vector16(e.encodeData())));
  }

  public byte[] encode() {
    WireWriter w = new WireWriter();
    encode(w);
    return w.toByteArray();
  }

  /**
   * Reads a block, 2-byte length prefix included, from {@code r}: each entry recorded as {@code
   * extensions[i]} with its {@code type} and {@code length} and the fields of its
   * extension_data.
   */
  public static Extensions decode(WireReader r, String owner) throws TlsAlertException {
    WireReader block = r.nested16("extensions", 0, 0xffff);
    List<Extension> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; block.hasRemaining(); i++) {
      block.enter("extensions", i);
      int type = readType(block);
      WireReader data = block.extensionData(ExtensionType.describe(type));
      if (!seen.add(type)) {
        throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            owner + ": duplicate extension " + ExtensionType.describe(type)
                + " (RFC 5246 §7.4.1.4)");
      }
      out.add(Extension.decode(type, data));
      block.exit();
    }
    return new Extensions(out);
  }

  /** An entry's extension_type, described by its IANA name. */
  static int readType(WireReader block) throws TlsAlertException {
    int type = block.u16("type");
    block.describe(ExtensionType::describeCode, type);
    return type;
  }

  /** Decodes a standalone block (length prefix included) that must fill {@code data}. */
  public static Extensions decode(byte[] data) throws TlsAlertException {
    WireReader r = new WireReader(data);
    Extensions e = decode(r, "extensions");
    r.expectEnd("extensions");
    return e;
  }
}
