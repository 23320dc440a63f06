package io.omnigraph.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Rewrites the unquoted identifiers of a parsed statement in place (see {@link NameIndex}). Calcite
 * runs case-sensitively, so after this pass a quoted identifier matches only its exact spelling
 * while an unquoted one matches ignoring case. Unquoted function names resolve through
 * {@link NameIndex#resolveFunction}.
 */
final class IdentifierFolding extends SqlBasicVisitor<Void> {
  private final NameIndex names;

  private IdentifierFolding(NameIndex names) {
    this.names = names;
  }

  static <N extends SqlNode> N apply(N node, NameIndex names) {
    if (node != null && names != null) node.accept(new IdentifierFolding(names));
    return node;
  }

  @Override
  public Void visit(SqlIdentifier id) {
    List<String> folded = new ArrayList<>(id.names.size());
    List<SqlParserPos> positions = new ArrayList<>(id.names.size());
    boolean changed = false;
    for (int i = 0; i < id.names.size(); i++) {
      String name = id.names.get(i);
      String resolved = name.isEmpty() || id.isComponentQuoted(i) ? name : names.resolve(name);
      changed |= !resolved.equals(name);
      folded.add(resolved);
      positions.add(id.getComponentParserPosition(i));
    }
    if (changed) id.setNames(folded, positions);
    return null;
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlBasicCall basic && call.getOperator() instanceof SqlUnresolvedFunction f) {
      SqlIdentifier name = f.getSqlIdentifier();
      if (name != null && name.isSimple() && !name.isComponentQuoted(0)) {
        String resolved = names.resolveFunction(name.getSimple());
        if (!resolved.equals(name.getSimple())) {
          basic.setOperator(new SqlUnresolvedFunction(new SqlIdentifier(resolved, name.getParserPosition()),
              f.getReturnTypeInference(), f.getOperandTypeInference(), f.getOperandTypeChecker(),
              f.getParamTypes(), f.getFunctionType()));
        }
      }
    }
    return super.visit(call);
  }
}
