package dev.tlssim.sweep;

import dev.tlssim.scenario.Scenario;
import java.util.List;

/**
 * One grid point: its index in row-major order (the first axis varies slowest), one label per
 * axis, and the scenario with the cell's overrides applied.
 */
public record Cell(int index, List<String> labels, Scenario scenario) {}
