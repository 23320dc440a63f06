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

/**
 * Text and number forms of Date and DateTime values (SPEC §1.2, §12.10), and the range both keep:
 * the SQL standard's 0001-01-01 to 9999-12-31 (UTC for DateTime), which java.sql.Date and
 * java.sql.Timestamp can carry exactly and Calcite formats correctly. DateTime is stored in
 * milliseconds: a Java temporal value with finer digits is refused, text is cut to the millisecond
 * as Arrow's cast does.
 */
final class Temporals {
  static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
  private static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant END_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final String RANGE = "is outside the supported range 0001-01-01..9999-12-31";

  private Temporals() {}

  /** {@code date} if it lies in the supported range. */
  static LocalDate inRange(String typeName, String label, LocalDate date) {
    if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw ValueErrors.dateTimeOutOfRange(typeName, label, date, RANGE);
    }
    return date;
  }

  /** {@code instant} if it lies in the supported range and has no digits below the millisecond. */
  static Instant exactMillis(String typeName, String label, Instant instant) {
    if (instant.getNano() % 1_000_000 != 0) {
      throw ValueErrors.dateTimeOutOfRange(typeName, label, instant,
          "has digits below the millisecond, which DateTime does not store (truncate it first)");
    }
    return millis(typeName, label, instant);
  }

  static LocalDate parseDate(String typeName, String label, String text) {
    try {
      return inRange(typeName, label, plainDate(text));
    } catch (DateTimeException e) {
      throw ValueErrors.wrongType(typeName, label, "Date (YYYY-MM-DD)", "string '" + text + "'");
    }
  }

  /**
   * {@code LocalDate.parse}, reading the common form (four-digit year, two-digit month and day)
   * directly: a load parses a date on most lines, and the formatter is most of that.
   */
  private static LocalDate plainDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return LocalDate.parse(text);
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    return year < 0 || month < 0 || day < 0 ? LocalDate.parse(text) : LocalDate.of(year, month, day);
  }

  /** The decimal value of {@code text[from, to)}, or -1 when it is not all ASCII digits. */
  private static int digits(String text, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static LocalDate dateFromDays(String typeName, String label, BigInteger days) {
    // Date32 stores a 32-bit day count.
    if (days.bitLength() > 31) {
      throw ValueErrors.outOfRange(typeName, label, days, "Date");
    }
    return inRange(typeName, label, LocalDate.ofEpochDay(days.longValue()));
  }

  static Instant dateTimeFromMillis(String typeName, String label, BigInteger millis) {
    if (millis.bitLength() > 63) {
      throw ValueErrors.outOfRange(typeName, label, millis, "DateTime");
    }
    return millis(typeName, label, Instant.ofEpochMilli(millis.longValue()));
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
        return millis(typeName, label, LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException e) {
        throw ValueErrors.wrongType(typeName, label, "DateTime", "string '" + text + "'");
      }
    }
  }

  /** Truncates to the millisecond precision Date64 stores, refusing instants outside the range. */
  static Instant millis(String typeName, String label, Instant instant) {
    if (instant.isBefore(MIN_INSTANT) || !instant.isBefore(END_INSTANT)) {
      throw ValueErrors.dateTimeOutOfRange(typeName, label, instant, RANGE);
    }
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
