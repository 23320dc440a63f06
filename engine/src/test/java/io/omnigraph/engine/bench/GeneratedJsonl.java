package io.omnigraph.engine.bench;

import java.io.Reader;

/** JSONL generated on the fly, so a 1M-row load does not need a file on disk. */
final class GeneratedJsonl extends Reader {
  private static final String[] CITIES = {"Berlin", "Lagos", "Lima", "Osaka", "Pune", "Quito", "Riga", "Oslo"};
  private final int n;
  private int next;
  private String line = "";
  private int pos;

  GeneratedJsonl(int n) {
    this.n = n;
  }

  @Override
  public int read(char[] buf, int off, int len) {
    if (pos == line.length()) {
      if (next == n) return -1;
      line = "{\"type\":\"Person\",\"data\":{\"name\":\"person-" + next + "\",\"age\":" + (18 + next % 60)
          + ",\"city\":\"" + CITIES[next % CITIES.length] + "\"}}\n";
      next++;
      pos = 0;
    }
    int k = Math.min(len, line.length() - pos);
    line.getChars(pos, pos + k, buf, off);
    pos += k;
    return k;
  }

  @Override
  public void close() {}
}
