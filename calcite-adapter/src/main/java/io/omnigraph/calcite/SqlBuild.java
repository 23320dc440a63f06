package io.omnigraph.calcite;

import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.ValueType;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Builds the SQL trees DML statements are rewritten into. */
final class SqlBuild {
  static final SqlParserPos POS = SqlParserPos.ZERO;

  private SqlBuild() {}

  static SqlIdentifier identifier(String... names) {
    return new SqlIdentifier(List.of(names), POS);
  }

  static SqlNode as(SqlNode node, SqlIdentifier alias) {
    return alias == null ? node : SqlStdOperatorTable.AS.createCall(POS, node, alias);
  }

  static SqlSelect select(List<SqlNode> items, SqlNode from, SqlNode where) {
    return new SqlSelect(POS, null, new SqlNodeList(items, POS), from, where, null, null, null, null, null, null,
        null, null);
  }

  /**
   * The value assigned to a column of {@code type}: a bare {@code ?} or NULL is cast to the column
   * type, which is the only way Calcite can type it; any other expression keeps its own type (a
   * cast around it would hide the parameters inside it from Calcite's type inference) and the
   * engine converts the result.
   */
  static SqlNode assigned(SqlNode node, ValueType type) {
    boolean untyped = node instanceof SqlDynamicParam || SqlUtil.isNullLiteral(node, false);
    return untyped ? SqlStdOperatorTable.CAST.createCall(POS, node, new SqlDataTypeSpec(typeName(type), POS)) : node;
  }

  private static SqlTypeNameSpec typeName(ValueType type) {
    if (type instanceof ValueType.Scalar s) return scalar(s.base());
    if (type instanceof ValueType.ListOf l) return arrayOf(scalar(l.element()));
    if (type instanceof ValueType.VectorOf) return arrayOf(scalar(BaseType.F32));
    return new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, POS);
  }

  private static SqlTypeNameSpec arrayOf(SqlTypeNameSpec element) {
    return new SqlCollectionTypeNameSpec(element, SqlTypeName.ARRAY, POS);
  }

  private static SqlTypeNameSpec scalar(BaseType base) {
    return switch (base) {
      case U64 -> new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, SqlTypes.U64_PRECISION, 0, POS);
      case DATETIME -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 3, POS);
      default -> new SqlBasicTypeNameSpec(SqlTypes.sqlTypeName(base), POS);
    };
  }
}
