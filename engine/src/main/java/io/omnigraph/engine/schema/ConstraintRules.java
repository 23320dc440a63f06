package io.omnigraph.engine.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Collects a type's constraints from property annotations and body constraints and enforces the
 * rules of SPEC §1.3: where each may appear, which properties it may name, and its arguments.
 */
final class ConstraintRules {
  /** A type's constraints, each list in source order. */
  record Constraints(
      List<String> key,
      List<List<String>> uniques,
      List<List<String>> indexes,
      List<RangeConstraint> ranges,
      List<CheckConstraint> checks) {}

  private record Tuple(String constraint, List<String> columns, List<Position> at, Position pos) {}

  private final TypeKind kind;
  private final String typeName;
  private final List<PropertyRules.Resolved> props;

  private ConstraintRules(TypeKind kind, String typeName, List<PropertyRules.Resolved> props) {
    this.kind = kind;
    this.typeName = typeName;
    this.props = props;
  }

  static Constraints collect(
      TypeKind kind, String typeName, List<PropertyRules.Resolved> props, List<BodyConstraint> body) {
    return new ConstraintRules(kind, typeName, props).collect(body);
  }

  private Constraints collect(List<BodyConstraint> body) {
    List<Tuple> tuples = new ArrayList<>();
    for (PropertyRules.Resolved p : props) {
      addAnnotationTuple(tuples, "key", p.key(), p);
      addAnnotationTuple(tuples, "unique", p.unique(), p);
      addAnnotationTuple(tuples, "index", p.index(), p);
    }
    List<RangeConstraint> ranges = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    for (BodyConstraint c : body) {
      switch (c.name()) {
        case "range" -> ranges.add(range(c));
        case "check" -> checks.add(check(c));
        default -> tuples.add(bodyTuple(c));
      }
    }
    tuples.sort(Comparator.comparingInt((Tuple t) -> t.pos().line())
        .thenComparingInt(t -> t.pos().column()));
    List<String> key = List.of();
    List<List<String>> uniques = new ArrayList<>();
    List<List<String>> indexes = new ArrayList<>();
    for (Tuple t : tuples) {
      checkTuple(t);
      switch (t.constraint()) {
        case "key" -> {
          if (!key.isEmpty()) {
            throw new SchemaException(t.pos(), "node " + typeName + " has multiple @key constraints;"
                + " a composite key is written once in the body as @key(a, b)");
          }
          key = t.columns();
        }
        case "unique" -> addDistinct(uniques, t);
        default -> addDistinct(indexes, t);
      }
    }
    return new Constraints(key, uniques, indexes, ranges, checks);
  }

  private void addAnnotationTuple(
      List<Tuple> into, String constraint, Annotation a, PropertyRules.Resolved p) {
    if (a != null) {
      into.add(new Tuple(constraint, List.of(p.name()), List.of(p.decl().pos()), a.pos()));
    }
  }

  private Tuple bodyTuple(BodyConstraint c) {
    if (c.name().equals("key") && kind == TypeKind.EDGE) {
      throw new SchemaException(c.pos(), "@key is not supported on edges (edge " + typeName + ")");
    }
    List<String> columns = new ArrayList<>();
    List<Position> at = new ArrayList<>();
    for (ConstraintArg arg : c.args()) {
      columns.add(propertyName(c, arg));
      at.add(arg.pos());
    }
    return new Tuple(c.name(), columns, at, c.pos());
  }

  private void checkTuple(Tuple t) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < t.columns().size(); i++) {
      String column = t.columns().get(i);
      Position at = t.at().get(i);
      if (!seen.add(column)) {
        throw new SchemaException(at, "@" + t.constraint() + " names '" + column + "' more than once");
      }
      boolean structural = column.equals(EntityType.SRC) || column.equals(EntityType.DST);
      if (kind == TypeKind.EDGE && structural && !t.constraint().equals("key")) {
        continue;
      }
      PropertyRules.Resolved p = property(t.constraint(), column, at);
      String where = typeName + "." + column;
      if (t.constraint().equals("key") && p.nullable()) {
        throw new SchemaException(at, "@key property " + where + " cannot be nullable");
      }
      String shape = unsupportedShape(t.constraint(), p.type());
      if (shape != null) {
        throw new SchemaException(at, "@" + t.constraint() + " is not allowed on " + shape
            + " property " + where);
      }
    }
  }

  /** Lists carry no key/unique/index, vectors no key/unique, Blobs none of the three. */
  private static String unsupportedShape(String constraint, ValueType type) {
    if (type instanceof ValueType.ListOf) {
      return "list";
    }
    if (type instanceof ValueType.VectorOf && !constraint.equals("index")) {
      return "vector";
    }
    if (type instanceof ValueType.Scalar s && s.base() == BaseType.BLOB) {
      return "Blob";
    }
    return null;
  }

  private void addDistinct(List<List<String>> into, Tuple t) {
    if (into.contains(t.columns())) {
      throw new SchemaException(t.pos(), "@" + t.constraint() + "(" + String.join(", ", t.columns())
          + ") is declared more than once on " + typeName);
    }
    into.add(t.columns());
  }

  private RangeConstraint range(BodyConstraint c) {
    requireNodeOnly(c);
    if (c.args().size() != 2 || !(c.args().get(1) instanceof RangeBound bound)) {
      throw new SchemaException(c.pos(), "@range expects (property, min..max) on " + typeName);
    }
    String name = propertyName(c, c.args().get(0));
    PropertyRules.Resolved p = property("range", name, c.args().get(0).pos());
    if (!(p.type() instanceof ValueType.Scalar s) || !s.base().isNumeric()) {
      throw new SchemaException(c.args().get(0).pos(), "@range on " + typeName + "." + name
          + " needs a numeric property, not " + p.type().displayName());
    }
    Double min = bound.min() == null ? null : Double.valueOf(bound.min());
    Double max = bound.max() == null ? null : Double.valueOf(bound.max());
    if (min != null && max != null && min > max) {
      throw new SchemaException(bound.pos(), "@range minimum " + bound.min() + " exceeds maximum "
          + bound.max() + " on " + typeName + "." + name);
    }
    return new RangeConstraint(name, min, max);
  }

  private CheckConstraint check(BodyConstraint c) {
    requireNodeOnly(c);
    if (c.args().size() != 2 || !(c.args().get(1) instanceof Literal regex)
        || regex.kind() != Literal.Kind.STRING) {
      throw new SchemaException(c.pos(), "@check expects (property, \"regex\") on " + typeName);
    }
    String name = propertyName(c, c.args().get(0));
    PropertyRules.Resolved p = property("check", name, c.args().get(0).pos());
    if (!(p.type() instanceof ValueType.Scalar s) || s.base() != BaseType.STRING) {
      throw new SchemaException(c.args().get(0).pos(), "@check on " + typeName + "." + name
          + " needs a String property, not " + p.type().displayName());
    }
    try {
      return new CheckConstraint(name, Pattern.compile(regex.text()));
    } catch (PatternSyntaxException e) {
      throw new SchemaException(regex.pos(), "@check pattern on " + typeName + "." + name
          + " does not compile: " + e.getDescription());
    }
  }

  private void requireNodeOnly(BodyConstraint c) {
    if (kind == TypeKind.EDGE) {
      throw new SchemaException(c.pos(), "@" + c.name() + " is not supported on edges (edge "
          + typeName + ")");
    }
  }

  private String propertyName(BodyConstraint c, ConstraintArg arg) {
    if (arg instanceof Literal l && l.kind() == Literal.Kind.IDENT) {
      return l.text();
    }
    throw new SchemaException(arg.pos(), "@" + c.name() + " on " + typeName
        + " expects a property name here");
  }

  private PropertyRules.Resolved property(String constraint, String name, Position at) {
    return props.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new SchemaException(at, "@" + constraint + " on " + typeName
            + " names unknown property '" + name + "'"));
  }
}
