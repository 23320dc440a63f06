package io.omnigraph.calcite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one rule between SQL's TIMESTAMP and the engine's DateTime: a TIMESTAMP is a wall clock in
 * UTC. The engine stores instants (milliseconds since the epoch); SQL, Calcite and JDBC see the UTC
 * wall clock of that instant, whatever the JVM's time zone. Every conversion between the two goes
 * through here.
 */
public final class UtcClock {
  private UtcClock() {}

  /** The instant a SQL TIMESTAMP names. */
  public static Instant instant(LocalDateTime wallClock) {
    return wallClock.toInstant(ZoneOffset.UTC);
  }

  /** The SQL TIMESTAMP of an engine instant. */
  public static LocalDateTime wallClock(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The SQL TIMESTAMP of Calcite's representation (milliseconds since the epoch). */
  public static LocalDateTime wallClock(long epochMillis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), (int) Math.floorMod(epochMillis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }

  /** Calcite's representation of a SQL TIMESTAMP. */
  public static long epochMillis(LocalDateTime wallClock) {
    return instant(wallClock).toEpochMilli();
  }

  /** A SQL TIMESTAMP as an offset date-time, at offset zero. */
  public static OffsetDateTime offset(LocalDateTime wallClock) {
    return wallClock.atOffset(ZoneOffset.UTC);
  }
}
