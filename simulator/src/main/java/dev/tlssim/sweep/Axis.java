package dev.tlssim.sweep;

import java.util.List;

/**
 * A grid dimension: an override path with its values ({@code network.loss: [0%, 1%]}) or a named
 * set of variants, each a mapping of overrides ({@code suite: {rsa: {...}, ecdhe: {}}}).
 */
public record Axis(String name, boolean variants, List<AxisValue> values) {}
