package io.omnigraph.server;

import java.util.concurrent.Callable;

/**
 * The authenticated user of the request a thread is serving. Avatica runs a request's
 * {@link org.apache.calcite.avatica.Meta} calls on the thread that received it, so the handler sets
 * the user around them and {@link ServerMeta} reads it there.
 */
final class RequestUser {
  private final ThreadLocal<User> current = new ThreadLocal<>();

  <T> T runAs(User user, Callable<T> work) throws Exception {
    current.set(user);
    try {
      return work.call();
    } finally {
      current.remove();
    }
  }

  /** The user of the running request; a call outside a request is a bug, not a guest. */
  User get() {
    User user = current.get();
    if (user == null) throw new IllegalStateException("no authenticated user on this thread");
    return user;
  }
}
