package dev.tlssim.scenario;

/** A timeline revocation: the CA node revokes the named pki certificate (resolved to its serial at the start). */
public record Revocation(String certificate) {}
