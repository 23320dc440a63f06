package io.omnigraph.engine;

import io.omnigraph.engine.storage.CacheBudget;
import io.omnigraph.engine.write.KnownIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How one open graph handle maintains itself and how much memory it may hold, fixed when the
 * handle opens. Each setting has a name (the keys of {@link #with}); the JVM-wide defaults are the
 * system properties of the same names prefixed {@code omnigraph.}, else the values documented in
 * docs/operations.md.
 *
 * @param cache native caches and the heap held for lookups and aggregates
 * @param knownIds ids the handle holds for key checks, over all tables ({@code cache.knownIds})
 * @param autoCompactEvery compact a main table after this many commits touched it; 0 switches
 *     background compaction off ({@code autoCompactEvery})
 * @param autoIndexAtRows build a main table's identity indexes once it holds this many rows
 *     ({@code autoIndexAtRows})
 * @param manifestCompactAt compact the manifest once it has this many small fragments
 *     ({@code manifest.compactAt})
 * @param commitLog make small insert-only commits on main durable in the commit log and publish
 *     them in the background ({@code commitLog}); local graphs only
 */
public record GraphSettings(CacheBudget cache, int knownIds, int autoCompactEvery, long autoIndexAtRows,
    int manifestCompactAt, boolean commitLog) {
  /** Every setting's name, in the order docs/operations.md lists them. */
  public static final Set<String> NAMES = Set.of("autoCompactEvery", "autoIndexAtRows", "manifest.compactAt",
      "commitLog", "cache.knownIds", "cache.openVersions", "cache.indexBytes", "cache.metadataBytes", "cache.locatedRows",
      "cache.columnBytes");

  public GraphSettings {
    if (knownIds < 0) throw new IllegalArgumentException("cache.knownIds must not be negative");
    if (autoCompactEvery < 0) throw new IllegalArgumentException("autoCompactEvery must not be negative (0 = off)");
    if (autoIndexAtRows < 0) throw new IllegalArgumentException("autoIndexAtRows must not be negative");
    if (manifestCompactAt < 2) throw new IllegalArgumentException("manifest.compactAt must be at least 2");
  }

  /** The JVM-wide defaults: the {@code omnigraph.*} system properties, else the built-in values. */
  public static GraphSettings defaults() {
    return new GraphSettings(CacheBudget.fromSystemProperties(),
        Integer.getInteger("omnigraph.cache.knownIds", KnownIds.DEFAULT_BUDGET),
        Integer.getInteger("omnigraph.autoCompactEvery", 64),
        Long.getLong("omnigraph.autoIndexAtRows", 10_000),
        Integer.getInteger("omnigraph.manifest.compactAt", 64),
        Boolean.parseBoolean(System.getProperty("omnigraph.commitLog", "true")));
  }

  /**
   * These settings with {@code values} (by name) applied.
   *
   * @throws IllegalArgumentException naming the setting, for an unknown name or a value that is not
   *     a whole number in its range
   */
  public GraphSettings with(Map<String, String> values) {
    Map<String, String> left = new LinkedHashMap<>(values);
    CacheBudget c = cache;
    c = new CacheBudget(
        take(left, "cache.openVersions", Integer::parseInt, c.openVersions()),
        take(left, "cache.indexBytes", Long::parseLong, c.indexCacheBytes()),
        take(left, "cache.metadataBytes", Long::parseLong, c.metadataCacheBytes()),
        take(left, "cache.locatedRows", Long::parseLong, c.locatedRows()),
        take(left, "cache.columnBytes", Long::parseLong, c.columnBytes()));
    GraphSettings out = new GraphSettings(c,
        take(left, "cache.knownIds", Integer::parseInt, knownIds),
        take(left, "autoCompactEvery", Integer::parseInt, autoCompactEvery),
        take(left, "autoIndexAtRows", Long::parseLong, autoIndexAtRows),
        take(left, "manifest.compactAt", Integer::parseInt, manifestCompactAt),
        take(left, "commitLog", GraphSettings::parseBoolean, commitLog));
    if (!left.isEmpty()) throw new IllegalArgumentException("unknown graph setting(s) " + left.keySet() + "; known: " + NAMES);
    return out;
  }

  private static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("commitLog must be true or false, not '" + text + "'");
    };
  }

  private static <T> T take(Map<String, String> values, String name, Function<String, T> parse, T current) {
    String text = values.remove(name);
    if (text == null) return current;
    try {
      return parse.apply(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
    }
  }
}
