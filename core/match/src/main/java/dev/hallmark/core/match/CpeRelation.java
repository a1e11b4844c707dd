package dev.hallmark.core.match;

/** The set relations of CPE name matching (NISTIR 7696), attribute-wise and for whole names. */
public enum CpeRelation {
  /** The source names more than the target (e.g. source ANY, target a value). */
  SUPERSET,
  /** The source names less than the target (e.g. source a value, target ANY). */
  SUBSET,
  /** Both name the same thing. */
  EQUAL,
  /** They name nothing in common. */
  DISJOINT,
  /** Undecidable: the target itself has wildcards. */
  UNDEFINED
}
