package io.omnigraph.engine.write;

/** The span of one {@link GraphTransaction#noteRowAddresses}: closing it stops the noting. */
@FunctionalInterface
public interface AddressScope extends AutoCloseable {
  @Override
  void close();
}
