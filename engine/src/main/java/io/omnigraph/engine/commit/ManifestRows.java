package io.omnigraph.engine.commit;

import io.omnigraph.engine.storage.ManifestRow;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Every row of one manifest version, by object id, immutable. A branch's manifest repeats its whole
 * history in every version, so the next version's rows share this one's and hold only what changed
 * on top; the changes are folded into a new shared map once they pass {@link #FOLD_AT}, which keeps
 * the work per commit independent of history.
 */
public final class ManifestRows {
  static final int FOLD_AT = 1024;

  private final Map<String, ManifestRow> base;
  private final Map<String, ManifestRow> recent;

  private ManifestRows(Map<String, ManifestRow> base, Map<String, ManifestRow> recent) {
    this.base = base;
    this.recent = recent;
  }

  public static ManifestRows of(Collection<ManifestRow> rows) {
    Map<String, ManifestRow> all = new HashMap<>();
    rows.forEach(r -> all.put(r.objectId(), r));
    return new ManifestRows(all, Map.of());
  }

  /** These rows with {@code changed} written over them (same object id) or added. */
  public ManifestRows with(Collection<ManifestRow> changed) {
    Map<String, ManifestRow> next = new HashMap<>(recent);
    changed.forEach(r -> next.put(r.objectId(), r));
    if (next.size() < FOLD_AT) return new ManifestRows(base, next);
    Map<String, ManifestRow> folded = new HashMap<>(base);
    folded.putAll(next);
    return new ManifestRows(folded, Map.of());
  }

  public boolean contains(String objectId) {
    return recent.containsKey(objectId) || base.containsKey(objectId);
  }

  /** Every row, once each. */
  public Collection<ManifestRow> all() {
    if (recent.isEmpty()) return Collections.unmodifiableCollection(base.values());
    Map<String, ManifestRow> merged = new HashMap<>(base);
    merged.putAll(recent);
    return Collections.unmodifiableCollection(merged.values());
  }
}
