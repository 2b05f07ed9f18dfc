package dev.tlssim.party;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import java.util.SplittableRandom;

/**
 * A certification authority on the network. It issued the scenario's certificates when the
 * scenario started (see the scenario's provisioning) and holds its authority's keys and records
 * during the run; revocation services over the network (CRL download, OCSP) come with the
 * revocation issue.
 */
public final class CaParty extends Endpoint {
  private final CertificateAuthority authority;

  public CaParty(String name, TcpConfig tcp, int cores, CostProfile costs, SplittableRandom isn,
      CertificateAuthority authority) {
    super(name, tcp, cores, costs, isn);
    this.authority = authority;
  }

  public CertificateAuthority authority() {
    return authority;
  }

  @Override
  protected void onAction(long now, Object action) {
    // The timeline has no CA actions yet.
  }
}
