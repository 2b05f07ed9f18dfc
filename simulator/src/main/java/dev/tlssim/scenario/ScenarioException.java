package dev.tlssim.scenario;

/**
 * A mistake in a scenario, located for the user: "file:line:column: field: message". The CLI
 * prints it as is and exits with code 2; no stack trace.
 */
public final class ScenarioException extends RuntimeException {
  private final String file;
  private final int line;
  private final int column;
  private final String field;

  public ScenarioException(String file, int line, int column, String field, String message) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String field() {
    return field;
  }

  /** The one-line report the user sees. */
  public String report() {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line).append(':').append(column);
    }
    b.append(": ");
    if (field != null && !field.isEmpty()) {
      b.append(field).append(": ");
    }
    return b.append(getMessage()).toString();
  }

  @Override
  public String toString() {
    return report();
  }
}
