package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.SupportedGroups;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyShareSelectionTest {
  private static final KeyShareEntry X25519 = KeyShareEntry.of(NamedGroup.X25519, new byte[32]);
  private static final KeyShareEntry P256 = KeyShareEntry.of(NamedGroup.SECP256R1, new byte[65]);
  private static final KeyShareEntry GREASE = new KeyShareEntry(0x0a0a, new byte[1]);

  @Test
  void theServersPreferenceDecidesAmongTheClientsShares() {
    KeyShareClientHello offered = KeyShareClientHello.of(GREASE, X25519, P256);
    assertThat(KeyShareSelection.select(List.of(NamedGroup.SECP256R1, NamedGroup.X25519), offered))
        .contains(new KeyShareSelection(NamedGroup.SECP256R1, P256));
    assertThat(KeyShareSelection.select(List.of(NamedGroup.X25519, NamedGroup.SECP256R1), offered))
        .contains(new KeyShareSelection(NamedGroup.X25519, X25519));
  }

  @Test
  void noShareInAServerGroupIsNoSelection() {
    assertThat(KeyShareSelection.select(List.of(NamedGroup.X25519), KeyShareClientHello.of(GREASE, P256))).isEmpty();
    assertThat(KeyShareSelection.select(List.of(NamedGroup.X25519), KeyShareClientHello.of())).isEmpty();
  }

  @Test
  void theRetryGroupIsTheServersFirstGroupInTheClientsSupportedGroups() {
    SupportedGroups client = new SupportedGroups(List.of(0x0a0a, NamedGroup.X25519.code(), NamedGroup.SECP256R1.code()));
    assertThat(KeyShareSelection.retryGroup(List.of(NamedGroup.SECP384R1, NamedGroup.SECP256R1, NamedGroup.X25519), client))
        .contains(NamedGroup.SECP256R1);
    assertThat(KeyShareSelection.retryGroup(List.of(NamedGroup.SECP384R1), client)).isEmpty();
  }
}
