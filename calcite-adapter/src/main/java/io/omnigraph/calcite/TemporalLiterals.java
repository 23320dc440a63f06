package io.omnigraph.calcite;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Refuses TIMESTAMP literals with digits below the millisecond. Calcite carries TIMESTAMP as
 * milliseconds and would drop such digits without a word; DateTime stores milliseconds, so a
 * literal that cannot be stored or compared exactly is SQLState 22008, as the same value given as a
 * parameter is.
 */
final class TemporalLiterals extends SqlBasicVisitor<Void> {
  private static final int STORED_DIGITS = 3;
  private static final TemporalLiterals INSTANCE = new TemporalLiterals();

  /** A literal the statement may not hold, raised from the parser; the SQL layer reports its state. */
  static final class Refused extends RuntimeException {
    final SqlState state;

    Refused(SqlState state, String message) {
      super(message);
      this.state = state;
    }
  }

  static <N extends SqlNode> N check(N node) {
    if (node != null) node.accept(INSTANCE);
    return node;
  }

  @Override
  public Void visit(SqlLiteral literal) {
    // The parser leaves TIMESTAMP '...' as an unknown literal for the validator to resolve.
    String text = null;
    if (literal instanceof SqlTimestampLiteral ts) text = ts.toFormattedString();
    else if (literal instanceof SqlUnknownLiteral u && u.tag.toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP")) {
      text = u.getValue().trim();
    }
    if (text != null) {
      int dot = text.lastIndexOf('.');
      if (dot >= 0) {
        String fraction = text.substring(dot + 1);
        for (int i = STORED_DIGITS; i < fraction.length(); i++) {
          if (fraction.charAt(i) != '0') {
            throw new Refused(SqlState.DATETIME_FIELD_OVERFLOW, "TIMESTAMP '" + text
                + "' has digits below the millisecond; TIMESTAMP holds milliseconds");
          }
        }
      }
    }
    return null;
  }
}
