package dev.tlssim.scenario;

import java.util.List;

/**
 * A man in the middle's plan, as a scenario states it (see {@link dev.tlssim.party.MitmConfig}).
 *
 * @param certificate intercept: the pki certificate it presents, or "passthrough" for the target's
 *                    own chain (without the target's key)
 * @param tamper      tamper: which message to flip a bit in, towards whom, at which byte
 * @param suites      rewrite: cipher suites to erase from ClientHello ("ecdhe" for all ECDHE suites)
 * @param extensions  rewrite: extensions to erase from ClientHello (RFC names)
 */
public record MitmSpec(String mode, String target, int port, String certificate, String tamperMessage,
    boolean tamperTowardsServer, int tamperOffset, List<String> suites, List<String> extensions) {}
