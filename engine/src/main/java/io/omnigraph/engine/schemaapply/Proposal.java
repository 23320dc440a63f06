package io.omnigraph.engine.schemaapply;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.PgParser;
import io.omnigraph.engine.schema.SchemaCompiler;
import io.omnigraph.engine.schema.SchemaFile;
import java.util.List;

/**
 * A desired schema measured against the accepted one: the catalog it would become, with stable ids
 * assigned, and the plan of steps between them.
 */
record Proposal(Catalog accepted, Catalog next, SchemaPlan plan) {
  static Proposal between(Catalog accepted, String desiredSource) {
    SchemaFile desiredFile = PgParser.parse(desiredSource);
    Catalog next = IdentityAssigner.assign(accepted, SchemaCompiler.compile(desiredFile, desiredSource));
    List<SchemaStep> steps = SchemaDiff.between(accepted, PgParser.parse(accepted.source()), next, desiredFile);
    return new Proposal(accepted, next, SchemaPlan.of(steps));
  }

  /** The steps as apply performs them: with data loss allowed, every drop is hard. */
  List<SchemaStep> steps(boolean allowDataLoss) {
    if (!allowDataLoss) return plan.steps();
    return plan.steps().stream().map(Proposal::hard).toList();
  }

  private static SchemaStep hard(SchemaStep s) {
    if (s instanceof SchemaStep.DropType d) return new SchemaStep.DropType(d.typeKind(), d.name(), DropMode.HARD);
    if (s instanceof SchemaStep.DropProperty d) {
      return new SchemaStep.DropProperty(d.typeKind(), d.typeName(), d.propertyName(), DropMode.HARD);
    }
    return s;
  }
}
