package io.omnigraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The users a server accepts, one per line: {@code name:read-write|read-only:<password hash>}
 * (see {@link PasswordHash}); blank lines and lines starting with {@code #} are ignored. The file
 * never holds a password, only its salted hash.
 */
public final class UsersFile {
  static final String READ_WRITE = "read-write";
  static final String READ_ONLY = "read-only";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

  /** One line of the file. */
  record Entry(User user, PasswordHash hash) {}

  private final Map<String, Entry> entries;

  private UsersFile(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** Reads {@code file}; a missing file has no users. */
  public static UsersFile read(Path file) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (!Files.exists(file)) return new UsersFile(entries);
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
      try {
        Entry e = parse(trimmed);
        if (entries.put(e.user().name(), e) != null) {
          throw new IllegalArgumentException("user " + e.user().name() + " appears twice");
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return new UsersFile(entries);
  }

  /**
   * Adds {@code name} to {@code file} (creating it), or replaces its line: the password is hashed
   * here and dropped. The file is rewritten through a temporary file and a rename, so a reader never
   * sees half of it.
   */
  public static void add(Path file, String name, boolean readOnly, char[] password) throws IOException {
    if (password.length == 0) throw new IllegalArgumentException("the password is empty");
    User user = new User(name, readOnly);
    UsersFile current = read(file);
    current.entries.put(name, new Entry(user, PasswordHash.of(password, new SecureRandom())));
    List<String> lines = new ArrayList<>();
    for (Entry e : current.entries.values()) {
      lines.add(e.user().name() + ":" + (e.user().readOnly() ? READ_ONLY : READ_WRITE) + ":" + e.hash().encoded());
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".users", ".tmp");
    try {
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The entry for {@code name}, or null. */
  Entry entry(String name) {
    return entries.get(name);
  }

  public int size() {
    return entries.size();
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a user name is 1 to 64 letters, digits or _ . @ -, not '" + name + "'");
    }
  }

  private static Entry parse(String line) {
    String[] parts = line.split(":", 3);
    if (parts.length != 3) throw new IllegalArgumentException("expected name:access:hash");
    boolean readOnly = switch (parts[1]) {
      case READ_ONLY -> true;
      case READ_WRITE -> false;
      default -> throw new IllegalArgumentException("access must be " + READ_WRITE + " or " + READ_ONLY + ", not '" + parts[1] + "'");
    };
    return new Entry(new User(parts[0], readOnly), PasswordHash.parse(parts[2]));
  }
}
