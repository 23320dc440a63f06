package io.omnigraph.engine.storage;

import java.util.ArrayList;
import java.util.List;
import org.lance.Dataset;
import org.lance.Fragment;
import org.lance.FragmentMetadata;
import org.lance.fragment.DeletionFile;

/**
 * What one fragment of a table version holds, named so that per-fragment data read once can be kept
 * across versions: Lance never rewrites a data file, so a fragment whose id, data files and deletion
 * file are the same in two versions holds the same live rows in both.
 *
 * @param key the fragment's id, data files and deletion file, equal exactly when the live rows are
 * @param liveRows rows not deleted in this state
 */
record FragmentContent(int id, String key, long liveRows) {

  /** Every fragment of the version {@code ds} is checked out at, in the dataset's order. */
  static List<FragmentContent> of(Dataset ds) {
    List<FragmentContent> out = new ArrayList<>();
    for (Fragment fragment : ds.getFragments()) {
      FragmentMetadata m = fragment.metadata();
      StringBuilder key = new StringBuilder().append(m.getId());
      m.getFiles().forEach(f -> key.append('|').append(f.getPath()));
      // The deletion state belongs to the key: the same data file read at an older version may hold
      // rows that a newer deletion file hides.
      DeletionFile d = m.getDeletionFile();
      if (d != null) key.append("|d").append(d.getId()).append('@').append(d.getReadVersion());
      out.add(new FragmentContent(m.getId(), key.toString(), m.getNumRows()));
    }
    return out;
  }
}
