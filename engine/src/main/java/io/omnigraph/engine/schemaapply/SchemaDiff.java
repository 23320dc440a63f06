package io.omnigraph.engine.schemaapply;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.InterfaceDecl;
import io.omnigraph.engine.schema.NodeType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.SchemaFile;
import io.omnigraph.engine.schema.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The steps between the accepted catalog and a desired catalog whose ids {@link IdentityAssigner}
 * already matched, so types and properties pair by stable id whatever they are called now.
 * Deterministic: steps follow the desired declaration order, drops come last.
 */
final class SchemaDiff {
  static final String REQUIRED_PROPERTY = "OG-MF-103";
  static final String PROPERTY_TYPE = "OG-MF-106";

  private final Catalog accepted;
  private final Catalog next;
  private final List<SchemaStep> steps = new ArrayList<>();

  private SchemaDiff(Catalog accepted, Catalog next) {
    this.accepted = accepted;
    this.next = next;
  }

  /**
   * @param acceptedFile and {@code desiredFile} are the parsed sources, for the interfaces the
   *     catalogs do not keep
   */
  static List<SchemaStep> between(Catalog accepted, SchemaFile acceptedFile, Catalog next, SchemaFile desiredFile) {
    SchemaDiff d = new SchemaDiff(accepted, next);
    d.interfaces(acceptedFile, desiredFile);
    d.types();
    return List.copyOf(d.steps);
  }

  private void interfaces(SchemaFile before, SchemaFile after) {
    Set<String> kept = new HashSet<>();
    after.interfaces().forEach(i -> kept.add(i.name()));
    for (InterfaceDecl i : before.interfaces()) {
      if (!kept.contains(i.name())) {
        unsupported("interface:" + i.name(), "removing or renaming interface '" + i.name() + "' is not supported", null);
      }
    }
  }

  private void types() {
    Map<Long, EntityType> before = byId(accepted);
    Set<Long> present = new HashSet<>();
    for (EntityType t : next.allTypes()) {
      present.add(t.stableTypeId());
      EntityType old = before.get(t.stableTypeId());
      if (old == null) {
        steps.add(new SchemaStep.AddType(t.kind(), t.name()));
        continue;
      }
      if (!old.name().equals(t.name())) steps.add(new SchemaStep.RenameType(t.kind(), old.name(), t.name()));
      new TypeDiff(old, t).run();
    }
    for (EntityType old : accepted.allTypes()) {
      if (!present.contains(old.stableTypeId())) steps.add(new SchemaStep.DropType(old.kind(), old.name(), DropMode.SOFT));
    }
  }

  private static Map<Long, EntityType> byId(Catalog c) {
    Map<Long, EntityType> out = new HashMap<>();
    c.allTypes().forEach(t -> out.put(t.stableTypeId(), t));
    return out;
  }

  private void unsupported(String entity, String reason, String code) {
    steps.add(new SchemaStep.UnsupportedChange(entity, reason, code));
  }

  /** The changes inside one type that exists on both sides. */
  private final class TypeDiff {
    private final EntityType old;
    private final EntityType now;
    private final String entity;

    TypeDiff(EntityType old, EntityType now) {
      this.old = old;
      this.now = now;
      this.entity = now.tableKey();
    }

    void run() {
      if (old instanceof EdgeType oe && now instanceof EdgeType ne) endpointsAndCard(oe, ne);
      if (old instanceof NodeType on && now instanceof NodeType nn) nodeShape(on, nn);
      annotations(old.annotations(), now.annotations(), entity, true);
      properties();
      tuples("@unique", old.uniques(), now.uniques(), false);
      tuples("@index", old.indexes(), now.indexes(), true);
    }

    private void endpointsAndCard(EdgeType oe, EdgeType ne) {
      long fromBefore = accepted.node(oe.from()).orElseThrow().stableTypeId();
      long toBefore = accepted.node(oe.to()).orElseThrow().stableTypeId();
      long fromNow = next.node(ne.from()).orElseThrow().stableTypeId();
      long toNow = next.node(ne.to()).orElseThrow().stableTypeId();
      if (fromBefore != fromNow || toBefore != toNow) {
        unsupported(entity, "changing the endpoints of edge " + ne.name() + " from " + oe.from() + " -> " + oe.to()
            + " to " + ne.from() + " -> " + ne.to() + " is not supported", null);
      }
      if (oe.cardMin() != ne.cardMin() || !oe.cardMax().equals(ne.cardMax())) {
        unsupported(entity, "changing @card of edge " + ne.name() + " from " + card(oe) + " to " + card(ne)
            + " is not supported", null);
      }
    }

    private void nodeShape(NodeType on, NodeType nn) {
      if (!new TreeSet<>(on.implementsList()).equals(new TreeSet<>(nn.implementsList()))) {
        unsupported(entity, "changing the interfaces node " + nn.name() + " implements (" + on.implementsList() + " to "
            + nn.implementsList() + ") is not supported", null);
      }
      List<Long> keyBefore = ids(on, on.key());
      List<Long> keyNow = ids(nn, nn.key());
      if (!keyBefore.equals(keyNow)) {
        String what = keyBefore.isEmpty() ? "adding @key to" : keyNow.isEmpty() ? "removing @key from" : "changing @key of";
        unsupported(entity, what + " existing node type " + nn.name() + " is not supported", null);
      }
      Set<List<Object>> rangesBefore = new LinkedHashSet<>();
      on.ranges().forEach(r -> rangesBefore.add(List.of(id(on, r.property()), String.valueOf(r.min()), String.valueOf(r.max()))));
      Set<List<Object>> rangesNow = new LinkedHashSet<>();
      nn.ranges().forEach(r -> rangesNow.add(List.of(id(nn, r.property()), String.valueOf(r.min()), String.valueOf(r.max()))));
      constraintSets("@range", rangesBefore, rangesNow);
      Set<List<Object>> checksBefore = new LinkedHashSet<>();
      on.checks().forEach(c -> checksBefore.add(List.of(id(on, c.property()), c.pattern().pattern())));
      Set<List<Object>> checksNow = new LinkedHashSet<>();
      nn.checks().forEach(c -> checksNow.add(List.of(id(nn, c.property()), c.pattern().pattern())));
      constraintSets("@check", checksBefore, checksNow);
    }

    private void constraintSets(String name, Set<List<Object>> before, Set<List<Object>> now) {
      if (!before.containsAll(now)) {
        unsupported(entity, "adding " + name + " to existing type " + this.now.name() + " is not supported", null);
      }
      if (!now.containsAll(before)) {
        unsupported(entity, "removing or changing " + name + " on type " + this.now.name() + " is not supported", null);
      }
    }

    private void properties() {
      Map<Long, Property> before = new HashMap<>();
      old.properties().forEach(p -> before.put(p.stableId(), p));
      Set<Long> kept = new HashSet<>();
      for (Property p : now.properties()) {
        Property q = before.get(p.stableId());
        String where = entity + "." + p.name();
        if (q == null) {
          if (!p.nullable()) {
            unsupported(where, "adding required property '" + now.name() + "." + p.name() + "' (" + p.type().pgText()
                + ") is not supported: existing rows have no value; declare it nullable ("
                + p.type().pgText() + "?)", REQUIRED_PROPERTY);
          } else {
            steps.add(new SchemaStep.AddProperty(now.kind(), now.name(), p.name(), typeText(p)));
          }
          continue;
        }
        kept.add(q.stableId());
        if (!q.name().equals(p.name())) steps.add(new SchemaStep.RenameProperty(now.kind(), now.name(), q.name(), p.name()));
        propertyType(q, p, where);
        if (!q.embed().equals(p.embed())) {
          unsupported(where, "changing @embed of property '" + now.name() + "." + p.name() + "' is not supported", null);
        }
        if (annotations(q.annotations(), p.annotations(), where, false)) {
          steps.add(new SchemaStep.UpdatePropertyMetadata(now.kind(), now.name(), p.name()));
        }
      }
      for (Property q : old.properties()) {
        if (!kept.contains(q.stableId())) {
          steps.add(new SchemaStep.DropProperty(now.kind(), now.name(), q.name(), DropMode.SOFT));
        }
      }
    }

    private void propertyType(Property q, Property p, String where) {
      if (q.type().equals(p.type()) && q.nullable() == p.nullable()) return;
      if (q.type() instanceof ValueType.EnumOf a && p.type() instanceof ValueType.EnumOf b
          && q.nullable() == p.nullable() && b.values().containsAll(a.values())) {
        List<String> added = b.values().stream().filter(v -> !a.values().contains(v)).toList();
        steps.add(new SchemaStep.ExtendEnum(now.kind(), now.name(), p.name(), added));
        return;
      }
      String why = q.type() instanceof ValueType.EnumOf && p.type() instanceof ValueType.EnumOf
          && q.nullable() == p.nullable() ? " (enum values can only be added)" : "";
      unsupported(where, "changing property type of '" + now.name() + "." + p.name() + "' from " + typeText(q) + " to "
          + typeText(p) + " is not supported" + why, PROPERTY_TYPE);
    }

    /**
     * Compares annotation maps; returns true when only {@code @description}/{@code @instruction}
     * changed. Any other change is recorded as unsupported.
     */
    private boolean annotations(Map<String, String> before, Map<String, String> after, String where, boolean type) {
      Map<String, String> otherBefore = new HashMap<>(before);
      Map<String, String> otherAfter = new HashMap<>(after);
      boolean metadata = false;
      for (String k : List.of("description", "instruction")) {
        metadata |= !Objects.equals(otherBefore.remove(k), otherAfter.remove(k));
      }
      if (!otherBefore.equals(otherAfter)) {
        unsupported(where, "changing annotations of " + where + " other than @description/@instruction is not supported",
            null);
      }
      if (metadata && type) steps.add(new SchemaStep.UpdateTypeMetadata(now.kind(), now.name()));
      return metadata;
    }

    private void tuples(String name, List<List<String>> before, List<List<String>> after, boolean additionSupported) {
      Set<List<Long>> was = new LinkedHashSet<>();
      before.forEach(t -> was.add(ids(old, t)));
      for (List<String> t : after) {
        if (was.contains(ids(now, t))) continue;
        if (additionSupported) {
          steps.add(new SchemaStep.AddConstraint(now.kind(), now.name(), name.substring(1), t));
        } else {
          unsupported(entity, "adding " + name + "(" + String.join(", ", t) + ") to existing type " + now.name()
              + " is not supported", null);
        }
      }
      Set<List<Long>> is = new LinkedHashSet<>();
      after.forEach(t -> is.add(ids(now, t)));
      for (List<String> t : before) {
        if (!is.contains(ids(old, t))) {
          unsupported(entity, "removing " + name + "(" + String.join(", ", t) + ") from type " + now.name()
              + " is not supported", null);
        }
      }
    }
  }

  /** Stable ids of a tuple's columns; the structural edge columns get fixed negative ids. */
  private static List<Long> ids(EntityType t, List<String> columns) {
    return columns.stream().map(c -> id(t, c)).toList();
  }

  private static long id(EntityType t, String column) {
    if (column.equals(EntityType.SRC)) return -1;
    if (column.equals(EntityType.DST)) return -2;
    return t.property(column).orElseThrow().stableId();
  }

  private static String typeText(Property p) {
    return p.type().pgText() + (p.nullable() ? "?" : "");
  }

  private static String card(EdgeType e) {
    return "@card(" + e.cardMin() + ".." + (e.cardMax().isPresent() ? e.cardMax().getAsLong() : "") + ")";
  }
}
