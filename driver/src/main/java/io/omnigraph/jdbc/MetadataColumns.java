package io.omnigraph.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns JDBC prescribes for each {@link java.sql.DatabaseMetaData} result, in order. A
 * spec {@code NAME:short} gives the column's type (int, short, long, bool); plain names are text.
 */
final class MetadataColumns {
  private MetadataColumns() {}

  static final List<ResultColumn> CATALOGS = of("TABLE_CAT");
  static final List<ResultColumn> SCHEMAS = of("TABLE_SCHEM", "TABLE_CATALOG");
  static final List<ResultColumn> TABLE_TYPES = of("TABLE_TYPE");
  static final List<ResultColumn> TABLES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
      "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
  static final List<ResultColumn> COLUMNS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
      "DATA_TYPE:int", "TYPE_NAME", "COLUMN_SIZE:int", "BUFFER_LENGTH:int", "DECIMAL_DIGITS:int",
      "NUM_PREC_RADIX:int", "NULLABLE:int", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int",
      "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
      "SOURCE_DATA_TYPE:short", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
  static final List<ResultColumn> PRIMARY_KEYS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
      "KEY_SEQ:short", "PK_NAME");
  static final List<ResultColumn> FOREIGN_KEYS = of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
      "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:short", "UPDATE_RULE:short",
      "DELETE_RULE:short", "FK_NAME", "PK_NAME", "DEFERRABILITY:short");
  static final List<ResultColumn> INDEX_INFO = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:bool",
      "INDEX_QUALIFIER", "INDEX_NAME", "TYPE:short", "ORDINAL_POSITION:short", "COLUMN_NAME", "ASC_OR_DESC",
      "CARDINALITY:long", "PAGES:long", "FILTER_CONDITION");
  static final List<ResultColumn> TYPE_INFO = of("TYPE_NAME", "DATA_TYPE:int", "PRECISION:int", "LITERAL_PREFIX",
      "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE:short", "CASE_SENSITIVE:bool", "SEARCHABLE:short",
      "UNSIGNED_ATTRIBUTE:bool", "FIXED_PREC_SCALE:bool", "AUTO_INCREMENT:bool", "LOCAL_TYPE_NAME",
      "MINIMUM_SCALE:short", "MAXIMUM_SCALE:short", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int", "NUM_PREC_RADIX:int");
  static final List<ResultColumn> BEST_ROW_IDENTIFIER = of("SCOPE:short", "COLUMN_NAME", "DATA_TYPE:int", "TYPE_NAME",
      "COLUMN_SIZE:int", "BUFFER_LENGTH:int", "DECIMAL_DIGITS:short", "PSEUDO_COLUMN:short");
  static final List<ResultColumn> VERSION_COLUMNS = BEST_ROW_IDENTIFIER;
  static final List<ResultColumn> PROCEDURES = of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1",
      "RESERVED2", "RESERVED3", "REMARKS", "PROCEDURE_TYPE:short", "SPECIFIC_NAME");
  static final List<ResultColumn> PROCEDURE_COLUMNS = of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
      "COLUMN_NAME", "COLUMN_TYPE:short", "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int", "LENGTH:int", "SCALE:short",
      "RADIX:short", "NULLABLE:short", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int",
      "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SPECIFIC_NAME");
  static final List<ResultColumn> FUNCTIONS = of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS",
      "FUNCTION_TYPE:short", "SPECIFIC_NAME");
  static final List<ResultColumn> FUNCTION_COLUMNS = of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
      "COLUMN_NAME", "COLUMN_TYPE:short", "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int", "LENGTH:int", "SCALE:short",
      "RADIX:short", "NULLABLE:short", "REMARKS", "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE",
      "SPECIFIC_NAME");
  static final List<ResultColumn> UDTS = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:int",
      "REMARKS", "BASE_TYPE:short");
  static final List<ResultColumn> SUPER_TYPES = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT",
      "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
  static final List<ResultColumn> SUPER_TABLES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
  static final List<ResultColumn> ATTRIBUTES = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE:int",
      "ATTR_TYPE_NAME", "ATTR_SIZE:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int", "NULLABLE:int", "REMARKS",
      "ATTR_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int", "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int",
      "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:short");
  static final List<ResultColumn> COLUMN_PRIVILEGES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
      "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
  static final List<ResultColumn> TABLE_PRIVILEGES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR",
      "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
  static final List<ResultColumn> PSEUDO_COLUMNS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
      "DATA_TYPE:int", "COLUMN_SIZE:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int", "COLUMN_USAGE", "REMARKS",
      "CHAR_OCTET_LENGTH:int", "IS_NULLABLE");
  static final List<ResultColumn> CLIENT_INFO_PROPERTIES = of("NAME", "MAX_LEN:int", "DEFAULT_VALUE", "DESCRIPTION");

  private static List<ResultColumn> of(String... specs) {
    List<ResultColumn> out = new ArrayList<>(specs.length);
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      String name = colon < 0 ? spec : spec.substring(0, colon);
      String type = colon < 0 ? "text" : spec.substring(colon + 1);
      out.add(switch (type) {
        case "int" -> ResultColumn.integer(name);
        case "short" -> ResultColumn.smallint(name);
        case "long" -> ResultColumn.bigint(name);
        case "bool" -> ResultColumn.bool(name);
        default -> ResultColumn.text(name);
      });
    }
    return List.copyOf(out);
  }
}
