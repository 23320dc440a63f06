package io.omnigraph.engine.storage;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Object-store options of one graph handle (endpoint, region, credentials...), handed unchanged to
 * Lance wherever a dataset is opened, created, written or committed, and read by the engine's own
 * S3 client for the graph's small files. Keys are Lance's ({@code aws_endpoint}, {@code aws_region},
 * {@code aws_access_key_id}, {@code aws_secret_access_key}, {@code aws_session_token},
 * {@code allow_http}, ...). A key that is absent falls back to the usual AWS environment variable,
 * as Lance itself does.
 */
public record StorageOptions(Map<String, String> values) {
  public static final StorageOptions NONE = new StorageOptions(Map.of());
  /** Options the engine consumes itself; Lance never sees them. */
  private static final java.util.Set<String> ENGINE_KEYS = java.util.Set.of("lock_lease_seconds");

  public StorageOptions {
    TreeMap<String, String> copy = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k == null || k.isBlank() || v == null) throw new IllegalArgumentException("storage option " + k + " has no value");
      copy.put(k.trim().toLowerCase(java.util.Locale.ROOT), v);
    });
    values = java.util.Collections.unmodifiableMap(copy);
  }

  /** The options for Lance; empty for a local graph so that Lance keeps its local defaults. */
  public Map<String, String> lance() {
    if (values.keySet().stream().noneMatch(ENGINE_KEYS::contains)) return values;
    TreeMap<String, String> out = new TreeMap<>(values);
    out.keySet().removeAll(ENGINE_KEYS);
    return java.util.Collections.unmodifiableMap(out);
  }

  /** An option, else the first environment variable of {@code envNames} that is set. */
  public Optional<String> get(String key, String... envNames) {
    String v = values.get(key);
    if (v != null) return Optional.of(v);
    for (String env : envNames) {
      String e = System.getenv(env);
      if (e != null && !e.isBlank()) return Optional.of(e);
    }
    return Optional.empty();
  }

  /** Values are secrets (keys, tokens): only the option names are ever printed. */
  @Override
  public String toString() {
    return "StorageOptions" + values.keySet();
  }
}
