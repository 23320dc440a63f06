package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.omnigraph.engine.schema.Catalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCacheTest {
  @TempDir Path dir;
  FixtureGraph g;
  QueryPlan one;
  QueryPlan two;
  QueryPlan three;

  @BeforeEach
  void plan() throws Exception {
    g = FixtureGraph.loaded(dir);
    one = g.session.prepareQuery("select 1");
    two = g.session.prepareQuery("select 2");
    three = g.session.prepareQuery("select 3");
  }

  @AfterEach
  void close() throws Exception {
    g.close();
  }

  @Test
  void theLeastRecentlyUsedPlanLeavesFirst() {
    Catalog catalog = g.graph.catalog();
    PlanCache cache = new PlanCache(2);
    cache.put("one", catalog, one);
    cache.put("two", catalog, two);
    assertSame(one, cache.get("one", catalog));
    cache.put("three", catalog, three);
    assertEquals(2, cache.size());
    assertNull(cache.get("two", catalog), "two was used least recently");
    assertSame(one, cache.get("one", catalog));
    assertSame(three, cache.get("three", catalog));
  }

  @Test
  void aPlanOfAnotherCatalogIsNotFound() {
    Catalog catalog = g.graph.catalog();
    Catalog applied = new Catalog(List.of(), List.of(), catalog.source(), 1, null);
    PlanCache cache = new PlanCache(8);
    cache.put("one", catalog, one);
    assertNull(cache.get("one", applied));
  }

  @Test
  void theFirstPlanKeptForATextIsTheOneEveryoneGets() {
    Catalog catalog = g.graph.catalog();
    PlanCache cache = new PlanCache(8);
    assertSame(one, cache.put("same", catalog, one));
    assertSame(one, cache.put("same", catalog, two), "a plan made concurrently gives way to the kept one");
    assertEquals(2, cache.planned());
  }
}
