package io.omnigraph.engine.storage;

/**
 * One readable version of a table dataset.
 *
 * @param lanceBranch the Lance branch owning that version, or null for the table's main lineage
 */
public record TableRef(String uri, String lanceBranch, long version) {}
