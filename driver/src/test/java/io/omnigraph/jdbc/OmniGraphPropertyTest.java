package io.omnigraph.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OmniGraphPropertyTest {

  @Test
  void everyConnectionPropertyOfTheSpecIsListed() {
    Set<String> names = Arrays.stream(OmniGraphProperty.values()).map(OmniGraphProperty::getName).collect(Collectors.toSet());
    assertTrue(names.containsAll(Set.of("branch", "snapshot", "actor", "create", "schema", "readOnly")), names.toString());
  }

  @Test
  void defaultsFollowTheSpec() {
    Properties none = new Properties();
    assertEquals("main", OmniGraphProperty.BRANCH.get(none));
    assertNull(OmniGraphProperty.SNAPSHOT.get(none));
    assertNull(OmniGraphProperty.ACTOR.get(none));
    assertEquals("false", OmniGraphProperty.CREATE.get(none));
    assertEquals("false", OmniGraphProperty.READ_ONLY.get(none));
  }

  @Test
  void blankValuesFallBackToTheDefault() {
    Properties p = new Properties();
    p.setProperty("branch", "  ");
    assertEquals("main", OmniGraphProperty.BRANCH.get(p));
  }

  @Test
  void driverPropertyInfoComesFromTheEnumWithGivenValues() throws Exception {
    Properties info = new Properties();
    info.setProperty("actor", "etl");
    DriverPropertyInfo[] all = new OmniGraphDriver().getPropertyInfo("jdbc:omnigraph:/g?branch=feature", info);
    assertEquals(OmniGraphProperty.values().length, all.length);
    DriverPropertyInfo branch = Arrays.stream(all).filter(p -> p.name.equals("branch")).findFirst().orElseThrow();
    DriverPropertyInfo actor = Arrays.stream(all).filter(p -> p.name.equals("actor")).findFirst().orElseThrow();
    DriverPropertyInfo create = Arrays.stream(all).filter(p -> p.name.equals("create")).findFirst().orElseThrow();
    assertEquals("feature", branch.value);
    assertEquals("etl", actor.value);
    assertArrayEquals(new String[] {"true", "false"}, create.choices);
    assertFalse(branch.description.isBlank());
  }

  @Test
  void namesAreFoundIgnoringCase() {
    assertEquals(OmniGraphProperty.READ_ONLY, OmniGraphProperty.forName("readonly").orElseThrow());
    assertTrue(OmniGraphProperty.forName("nope").isEmpty());
  }
}
