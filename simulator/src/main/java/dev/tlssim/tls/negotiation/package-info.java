/**
 * Version negotiation (RFC 8446 §4.2.1, Appendix D): endpoints that speak TLS 1.2 and TLS 1.3 and
 * learn which from the hellos. The server reads the ClientHello's supported_versions before it
 * chooses its engine; the client offers both in one ClientHello and hands the handshake to a
 * TLS 1.2 engine when the ServerHello chooses 1.2. Sans I/O, like the engines they host.
 */
package dev.tlssim.tls.negotiation;
