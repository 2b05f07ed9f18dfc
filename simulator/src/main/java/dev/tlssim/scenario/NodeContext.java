package dev.tlssim.scenario;

import dev.tlssim.party.TlsParties;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * What building one node's party draws on: the node's spec, the scenario around it, the
 * provisioned PKI, the node's seeded streams (TCP ISNs, TLS randoms) and what servers share.
 */
record NodeContext(Scenario.NodeSpec node, Scenario scenario, Provisioning.Result pki, SplittableRandom isn,
    SecureRandom random, RunShared shared) {

  TlsParties.Node basics() {
    return new TlsParties.Node(node.name(), node.tcp(), node.cores(), scenario.costs(), isn);
  }

  TlsSpec tls() {
    return node.tls();
  }
}
