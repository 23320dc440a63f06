package io.omnigraph.jdbc;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;

/**
 * The Calendar forms of {@code setDate}/{@code setTimestamp}: JDBC says the calendar's time zone
 * decides which date or wall-clock time the value stands for.
 */
final class TemporalParameters {
  private TemporalParameters() {}

  /** The calendar date {@code date}'s instant falls on in the calendar's zone. */
  static LocalDate localDate(Date date, Calendar cal) {
    return Instant.ofEpochMilli(date.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate();
  }

  /** A timestamp whose wall-clock reading is that of {@code ts}'s instant in the calendar's zone. */
  static Timestamp inZone(Timestamp ts, Calendar cal) {
    return Timestamp.valueOf(ts.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDateTime());
  }
}
