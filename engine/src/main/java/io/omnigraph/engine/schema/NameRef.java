package io.omnigraph.engine.schema;

/** A type name as written in source (an endpoint or an implemented interface). */
public record NameRef(String name, Position pos) {}
