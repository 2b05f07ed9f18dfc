package dev.tlssim.sweep;

import dev.tlssim.scenario.Cursor;
import java.util.List;

/**
 * One position on an axis: its label in the outputs (the value as written, or the variant's name)
 * and the overrides it applies. {@code source} is where it was written, for located errors.
 */
public record AxisValue(String label, List<Setting> settings, Cursor source) {}
