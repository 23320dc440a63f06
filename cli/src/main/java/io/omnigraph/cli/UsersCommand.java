package io.omnigraph.cli;

import io.omnigraph.server.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph users add}: the users file of {@code omnigraph serve}. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manages the users file of omnigraph serve.",
    subcommands = UsersCommand.Add.class)
final class UsersCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: add");
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Adds user <name> to <file> (created if needed), or replaces its password and access.",
          "The password is read from standard input (asked for twice on a terminal); the file keeps only a salted "
              + "PBKDF2 hash of it."})
  static final class Add implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>", description = "the users file")
    Path file;

    @Parameters(index = "1", paramLabel = "<name>", description = "the user name (letters, digits, _ . @ -)")
    String name;

    @Option(names = "--read-only", description = "the user may read but not write or change the graph")
    boolean readOnly;

    @Override
    public Integer call() throws Exception {
      char[] password = readPassword();
      try {
        UsersFile.add(file, name, readOnly, password);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      } finally {
        Arrays.fill(password, '\0');
      }
      spec.commandLine().getOut().println("user " + name + " (" + (readOnly ? "read-only" : "read-write") + ") saved in "
          + file);
      return 0;
    }

    private char[] readPassword() throws java.io.IOException {
      Console console = System.console();
      if (console != null) {
        char[] first = console.readPassword("password for %s: ", name);
        char[] again = console.readPassword("again: ");
        if (first == null || !Arrays.equals(first, again)) {
          throw new ParameterException(spec.commandLine(), "the two passwords differ");
        }
        Arrays.fill(again, '\0');
        return first;
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null || line.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "no password on standard input");
      }
      return line.toCharArray();
    }
  }
}
