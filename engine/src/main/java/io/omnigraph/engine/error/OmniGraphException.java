package io.omnigraph.engine.error;

/**
 * Root of every failure the engine reports. Each carries an {@link ErrorKind}; subclasses add the
 * detail a caller needs (the violated rule, the conflicting entity).
 */
public class OmniGraphException extends RuntimeException {
  private final ErrorKind kind;

  public OmniGraphException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public OmniGraphException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public ErrorKind kind() {
    return kind;
  }

  public static OmniGraphException badInput(String message) {
    return new OmniGraphException(ErrorKind.BAD_INPUT, message);
  }

  public static OmniGraphException notFound(String message) {
    return new OmniGraphException(ErrorKind.NOT_FOUND, message);
  }

  public static OmniGraphException state(String message) {
    return new OmniGraphException(ErrorKind.STATE, message);
  }

  public static OmniGraphException storage(String message, Throwable cause) {
    return new OmniGraphException(ErrorKind.STORAGE, message, cause);
  }

  public static OmniGraphException unreachable(String message, Throwable cause) {
    return new OmniGraphException(ErrorKind.STORE_UNREACHABLE, message, cause);
  }
}
