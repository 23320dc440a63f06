package io.omnigraph.engine.schema;

import java.util.regex.Pattern;

/** {@code @check(property, "regex")}: the whole String value must match the pattern. */
public record CheckConstraint(String property, Pattern pattern) {
  public boolean admits(String value) {
    return pattern.matcher(value).matches();
  }

  // Pattern has identity equality; two checks are equal when their regex text is.
  @Override
  public boolean equals(Object o) {
    return o instanceof CheckConstraint c
        && c.property.equals(property)
        && c.pattern.pattern().equals(pattern.pattern());
  }

  @Override
  public int hashCode() {
    return property.hashCode() * 31 + pattern.pattern().hashCode();
  }
}
