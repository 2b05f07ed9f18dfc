package dev.tlssim.tls.wire;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.util.List;
import java.util.Optional;

/**
 * supported_groups, formerly elliptic_curves (RFC 8422 §5.1.1): {@code NamedCurve
 * named_curve_list<2..2^16-1>}. Codes are kept raw so unknown groups (GREASE, FFDHE...) survive a
 * round trip and can simply be skipped by negotiation.
 */
public record SupportedGroups(List<Integer> groupCodes) implements Extension {
  public SupportedGroups {
    groupCodes = WireWriter.checkedCodes(groupCodes, 0xffff, "NamedGroup");
    if (groupCodes.isEmpty()) {
      throw new IllegalArgumentException("named_curve_list needs at least one group");
    }
  }

  public static SupportedGroups of(NamedGroup... groups) {
    return new SupportedGroups(java.util.Arrays.stream(groups).map(NamedGroup::code).toList());
  }

  /** The groups this simulator knows, in the peer's order of preference. */
  public List<NamedGroup> knownGroups() {
    return groupCodes.stream().map(NamedGroup::fromCode).flatMap(Optional::stream).toList();
  }

  @Override
  public int typeCode() {
    return ExtensionType.SUPPORTED_GROUPS.code();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().u16List(groupCodes).toByteArray();
  }

  static SupportedGroups decode(WireReader r) throws TlsAlertException {
    // RFC 8446 §4.2.7 renamed RFC 4492's named_curve_list; the inspector uses the current name.
    List<Integer> codes = r.u16List("named_group_list", 2, 0xffff, CodeNames::group);
    r.expectEnd();
    return new SupportedGroups(codes);
  }
}
