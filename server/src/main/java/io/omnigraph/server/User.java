package io.omnigraph.server;

/**
 * Someone the server lets in: the name recorded as actor on their commits, and whether they may
 * only read.
 */
public record User(String name, boolean readOnly) {
  public User {
    UsersFile.checkName(name);
  }
}
