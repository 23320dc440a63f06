package io.omnigraph.shell;

import sqlline.Application;
import sqlline.PromptHandler;
import sqlline.SqlLine;

/** sqlline's hook for the OmniGraph prompt ({@code -ac io.omnigraph.shell.ShellApplication}). */
public final class ShellApplication extends Application {
  /** Set by {@link OmniGraphShell} when output is not a terminal: then there is no prompt at all. */
  static volatile boolean plain;

  @Override
  public PromptHandler getPromptHandler(SqlLine sqlLine) {
    return new BranchPrompt(sqlLine, plain);
  }
}
