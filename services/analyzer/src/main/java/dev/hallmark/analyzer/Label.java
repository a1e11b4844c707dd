package dev.hallmark.analyzer;

import java.util.Objects;

/** One label ({@code key=value}) in use on stored documents, for listing the labels there are. */
public record Label(String key, String value) {
  public Label {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
