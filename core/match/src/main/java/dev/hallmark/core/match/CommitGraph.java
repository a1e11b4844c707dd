package dev.hallmark.core.match;

/**
 * Ancestry in a git repository, needed to evaluate OSV {@code GIT} ranges. Implementations answer
 * from a commit index; Hallmark's core has none.
 */
public interface CommitGraph {
  /**
   * Whether {@code ancestor} is {@code commit} itself or one of its ancestors in {@code repo}.
   *
   * @throws RangeException when either commit is unknown in that repository
   */
  boolean reaches(String repo, String ancestor, String commit) throws RangeException;
}
