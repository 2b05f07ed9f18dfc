package dev.tlssim.scenario;

import dev.tlssim.party.CaParty;
import java.time.Duration;

/** A CA node: it hosts one authority of the PKI and answers CRL, OCSP and enrolment requests over HTTP. */
final class CaBuilder {
  private CaBuilder() {}

  static CaParty party(NodeContext node) {
    Scenario.NodeSpec n = node.node();
    Scenario.CaSpec ca = n.ca();
    return new CaParty(n.name(), n.tcp(), n.cores(), node.scenario().costs(), node.isn(),
        node.pki().authorities().get(ca.authority()), node.pki().epoch(), ca.allow(),
        Duration.ofNanos(ca.validForNanos()));
  }
}
