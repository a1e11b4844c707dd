-- What stored findings were computed with besides the advisories: the correlator's precedence and
-- vendor profiles (Correlator.settings()). A server started with other settings records them and
-- queues every SBOM for re-correlation in the same transaction (Analyzer.adoptCorrelationSettings),
-- so findings computed under the old settings are replaced. No row: the defaults, the only
-- settings there were before this migration.
CREATE TABLE analyzer_setting (
  name   text PRIMARY KEY,
  value  text NOT NULL
);
