package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnigraph.engine.schema.SqlNameWarning;
import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.junit.jupiter.api.Test;

/** The engine warns about exactly the names the SQL parser reserves; a Calcite upgrade that changes them fails here. */
class SqlReservedWordsTest {

  @Test
  void theEnginesReservedWordsAreTheParsers() {
    SqlAbstractParserImpl.Metadata metadata = SqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
    Set<String> parser = new TreeSet<>();
    for (String token : metadata.getTokens()) {
      if (metadata.isReservedWord(token) && token.matches("[A-Z_][A-Z0-9_]*")) parser.add(token);
    }
    assertEquals(parser, new TreeSet<>(SqlNameWarning.reservedWords()),
        "engine/src/main/resources/io/omnigraph/engine/schema/sql-reserved-words.txt");
  }
}
