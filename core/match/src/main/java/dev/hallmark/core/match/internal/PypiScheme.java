package dev.hallmark.core.match.internal;

import dev.hallmark.core.match.VersionException;
import dev.hallmark.core.match.VersionScheme;

/** PEP 440 ordering for {@code pypi}. */
public final class PypiScheme implements VersionScheme {
  @Override
  public String name() {
    return "pypi";
  }

  @Override
  public int compare(String a, String b) throws VersionException {
    return Integer.signum(Pep440.parse(a).compareTo(Pep440.parse(b)));
  }
}
