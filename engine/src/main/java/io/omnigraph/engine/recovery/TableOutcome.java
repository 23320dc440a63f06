package io.omnigraph.engine.recovery;

/**
 * What recovery did to one table. For a roll-back {@code fromVersion} is the Lance HEAD found
 * before the restore and {@code toVersion} the pinned version whose content it restored, so an
 * operator sees the drift that was undone.
 */
public record TableOutcome(String tableKey, long fromVersion, long toVersion) {}
