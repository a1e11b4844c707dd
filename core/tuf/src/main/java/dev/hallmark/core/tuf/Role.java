package dev.hallmark.core.tuf;

import java.util.Optional;

/** The four top-level TUF roles, named as in metadata ({@code "root"}, ...). */
public enum Role {
  ROOT("root"),
  TARGETS("targets"),
  SNAPSHOT("snapshot"),
  TIMESTAMP("timestamp");

  private final String jsonName;

  Role(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The role's name in metadata: {@code _type}, the keys of {@code roles}, file names. */
  public String jsonName() {
    return jsonName;
  }

  /** The role named {@code name} in metadata, if it is one of the four. */
  public static Optional<Role> byJsonName(String name) {
    for (Role r : values()) {
      if (r.jsonName.equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return jsonName;
  }
}
