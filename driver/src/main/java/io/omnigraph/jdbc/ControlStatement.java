package io.omnigraph.jdbc;

import io.omnigraph.engine.write.LoadMode;
import java.util.OptionalInt;

/**
 * A graph control statement (SPEC B.5): branch, load, schema and maintenance commands that SQL has
 * no words for. They are recognized before SQL parsing by {@link ControlStatementParser} and run by
 * {@link ControlStatementRunner}.
 */
sealed interface ControlStatement {
  /** The statement's leading keywords, for messages. */
  String verb();

  /** True when the statement answers with rows rather than an update count. */
  default boolean returnsRows() {
    return false;
  }

  /** @param from the source branch, or null for main (SPEC A §3.2: a plain create forks main) */
  record CreateBranch(String name, String from) implements ControlStatement {
    public String verb() {
      return "CREATE BRANCH";
    }
  }

  record DropBranch(String name) implements ControlStatement {
    public String verb() {
      return "DROP BRANCH";
    }
  }

  record UseBranch(String name) implements ControlStatement {
    public String verb() {
      return "USE BRANCH";
    }
  }

  /** @param target the branch merged into, or null for the connection's branch */
  record MergeBranch(String source, String target, boolean dryRun) implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "MERGE BRANCH";
    }
  }

  record LoadData(String path, LoadMode mode) implements ControlStatement {
    public String verb() {
      return "LOAD DATA";
    }
  }

  record ApplySchema(String path, boolean dryRun) implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "APPLY SCHEMA";
    }
  }

  record EnsureIndices() implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "ENSURE INDICES";
    }
  }

  record Optimize() implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "OPTIMIZE";
    }
  }

  /** @param keepVersions how many versions of each table to keep, when given */
  record Cleanup(OptionalInt keepVersions) implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "CLEANUP";
    }
  }

  /** SHOW TABLES: the node, edge and system tables, as {@code DatabaseMetaData.getTables} lists them. */
  record ShowTables() implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "SHOW TABLES";
    }
  }

  /**
   * DESCRIBE [TABLE] t, DESC t, SHOW COLUMNS FROM t: a table's columns.
   *
   * @param exact true when the name was quoted and must match exactly; otherwise it matches ignoring case
   */
  record Describe(String table, boolean exact) implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "DESCRIBE";
    }
  }

  /** SHOW BRANCHES: every branch of the graph. */
  record ShowBranches() implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "SHOW BRANCHES";
    }
  }

  /** SHOW BRANCH: the branch this connection is on, the snapshot it is pinned to and whether it is read-only. */
  record ShowBranch() implements ControlStatement {
    @Override
    public boolean returnsRows() {
      return true;
    }

    public String verb() {
      return "SHOW BRANCH";
    }
  }
}
