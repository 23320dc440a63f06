package io.omnigraph.engine.schema;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/** Text and number forms of Date and DateTime values (SPEC §1.2, §12.10). */
final class Temporals {
  private Temporals() {}

  static LocalDate parseDate(String typeName, String label, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ValueErrors.wrongType(typeName, label, "Date (YYYY-MM-DD)", "string '" + text + "'");
    }
  }

  static LocalDate dateFromDays(String typeName, String label, BigInteger days) {
    // Date32 stores a 32-bit day count.
    if (days.bitLength() > 31) {
      throw ValueErrors.outOfRange(typeName, label, days, "Date");
    }
    return LocalDate.ofEpochDay(days.longValue());
  }

  static Instant dateTimeFromMillis(String typeName, String label, BigInteger millis) {
    if (millis.bitLength() > 63) {
      throw ValueErrors.outOfRange(typeName, label, millis, "DateTime");
    }
    return Instant.ofEpochMilli(millis.longValue());
  }

  /**
   * Reads an ISO date-time with offset or zone, a naive date-time (taken as UTC, with {@code T} or
   * a space between date and time) or a bare date (midnight UTC).
   */
  static Instant parseDateTime(String typeName, String label, String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + "T" + text.substring(11) : text;
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
          iso, ZonedDateTime::from, LocalDateTime::from);
      Instant instant = parsed instanceof ZonedDateTime z
          ? z.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
      return millis(typeName, label, instant);
    } catch (DateTimeParseException notADateTime) {
      try {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw ValueErrors.wrongType(typeName, label, "DateTime", "string '" + text + "'");
      }
    }
  }

  /** Truncates to the millisecond precision Date64 stores, refusing instants it cannot hold. */
  static Instant millis(String typeName, String label, Instant instant) {
    try {
      return Instant.ofEpochMilli(instant.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    } catch (ArithmeticException | DateTimeException e) {
      throw ValueErrors.outOfRange(typeName, label, instant, "DateTime");
    }
  }
}
