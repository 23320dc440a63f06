package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import java.util.List;
import java.util.function.Supplier;
import org.lance.Branch;
import org.lance.Dataset;

/**
 * Lance reads every branch ref file when it checks out one branch; a ref deleted between its
 * listing and its read (another branch dropped at that moment) fails the checkout with "Not
 * found" for a file that has nothing to do with the branch asked for; listing the branches fails
 * the same way. Such a failure is retried.
 */
final class VanishedRefs {
  private static final int ATTEMPTS = 5;

  private VanishedRefs() {}

  /** Runs {@code open}, again while it fails on another branch's vanished ref file. */
  static <T> T retrying(String branch, Supplier<T> open) {
    for (int attempt = 1; ; attempt++) {
      try {
        return open.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !otherRefVanished(e, branch)) throw e;
      }
    }
  }

  /** The dataset's branches, listed again while a ref file vanishes between listing and reading. */
  static List<Branch> branches(Dataset ds) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ds.branches().list();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !otherRefVanished(e, null)) throw e;
      } catch (Exception e) {
        // Lance raises I/O failures as undeclared checked exceptions.
        if (attempt >= ATTEMPTS || !otherRefVanished(e, null)) {
          throw OmniGraphException.storage("cannot list the branches of " + ds.uri() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  static boolean otherRefVanished(Throwable e, String branch) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Not found") && m.contains("_refs/branches/")
          && (branch == null || !m.contains("_refs/branches/" + branch + ".json"))) {
        return true;
      }
    }
    return false;
  }
}
