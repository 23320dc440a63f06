package io.omnigraph.shell;

import sqlline.Application;
import sqlline.PromptHandler;
import sqlline.SqlLine;

/** sqlline's hook for the OmniGraph prompt ({@code -ac io.omnigraph.shell.ShellApplication}). */
public final class ShellApplication extends Application {
  @Override
  public PromptHandler getPromptHandler(SqlLine sqlLine) {
    return new BranchPrompt(sqlLine, OmniGraphShell.plainOutput());
  }
}
