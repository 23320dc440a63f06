package io.omnigraph.engine.schema;

/** The {@code min..max} argument of {@code @range}; either side may be null (open). */
public record RangeBound(String min, String max, Position pos) implements ConstraintArg {}
