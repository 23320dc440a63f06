package io.omnigraph.engine.schema;

/** An edge's {@code @card(min..max)}; {@code max} is null when unbounded. */
public record CardDecl(long min, Long max, Position pos) {}
