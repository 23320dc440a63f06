package io.omnigraph.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sqlline.SqlLine;

/**
 * sqlline for OmniGraph: the prompt names the graph and the connection's branch (and its snapshot
 * when pinned), and output that does not go to a terminal is plain: no colours, no prompts, no
 * terminal warning, and tables as wide as their rows (a dumb terminal would otherwise cut every row
 * to its width of zero). Arguments are sqlline's; given ones win over the defaults set here.
 */
public final class OmniGraphShell {
  private OmniGraphShell() {}

  public static void main(String[] args) throws IOException {
    List<String> all = new ArrayList<>(List.of("-ac", ShellApplication.class.getName()));
    if (plainOutput()) {
      // jline warns on stderr when it cannot open a system terminal unless told to use a dumb one.
      System.setProperty("org.jline.terminal.dumb", "true");
      all.addAll(List.of("--color=false", "--maxWidth=" + Integer.MAX_VALUE));
    }
    all.addAll(List.of(args));
    SqlLine.Status status = SqlLine.start(all.toArray(String[]::new), null, true);
    if (status != SqlLine.Status.OK) System.exit(1);
  }

  /** True unless both stdin and stdout are a terminal (Java 17 cannot tell the two apart). */
  static boolean plainOutput() {
    return System.console() == null;
  }
}
