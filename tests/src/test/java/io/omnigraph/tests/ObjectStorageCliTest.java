package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The omnigraph command on an {@code s3://} location, its store reached with {@code --storage key=value}. */
class ObjectStorageCliTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  @Test
  void theCommandInitializesLoadsBranchesAndQueriesAGraphOnTheStore() throws Exception {
    try (S3Server s3 = new S3Server(Files.createDirectories(dir.resolve("s3")))) {
      String location = s3.location("cli");
      List<String> storage = List.of("--storage", "aws_endpoint=" + s3.endpoint(), "--storage", "allow_http=true",
          "--storage", "aws_access_key_id=" + S3Server.ACCESS_KEY, "--storage", "aws_secret_access_key=" + S3Server.SECRET_KEY,
          "--storage", "aws_region=us-east-1");
      Run init = omnigraph(storage, "init", location, "--schema", Fixture.resource("graph.pg").toString());
      assertEquals(0, init.exit(), init.err());
      Run load = omnigraph(storage, "load", location, Fixture.resource("graph.jsonl").toString(), "--mode", "overwrite");
      assertEquals(0, load.exit(), load.err());
      assertTrue(load.out().startsWith("loaded 11 entities"), load.out());
      Run branch = omnigraph(storage, "branch", "create", location, "side");
      assertEquals(0, branch.exit(), branch.err());
      Path script = Files.writeString(dir.resolve("q.sql"), "SELECT name FROM Person WHERE age > 28 ORDER BY name;\n");
      Run sql = omnigraph(storage, "sql", location, "--branch", "side", "-f", script.toString(), "--format", "csv");
      assertEquals(0, sql.exit(), sql.err());
      assertEquals(List.of("name", "Alice", "Charlie"), sql.out().lines().toList());

      Run withoutCredentials = omnigraph(List.of("--storage", "aws_endpoint=" + s3.endpoint(), "--storage", "allow_http=true",
          "--storage", "aws_access_key_id=" + S3Server.ACCESS_KEY, "--storage", "aws_secret_access_key=wrong"),
          "log", location);
      assertEquals(1, withoutCredentials.exit(), withoutCredentials.out());
      assertTrue(withoutCredentials.err().contains("08001") && withoutCredentials.err().contains(location),
          withoutCredentials.err());
    }
  }

  /** Options go after the subcommand's location, as a user types them. */
  private Run omnigraph(List<String> storage, String... args) throws Exception {
    List<String> command = new ArrayList<>(CliCommand.of(dir, args));
    command.addAll(storage);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command finished");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
