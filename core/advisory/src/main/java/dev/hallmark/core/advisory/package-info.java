/**
 * Security advisories: {@link dev.hallmark.core.advisory.AdvisoryReader} reads CSAF 2.0 ({@link
 * dev.hallmark.core.advisory.CsafAdvisory}), OSV in JSON or YAML ({@link
 * dev.hallmark.core.advisory.OsvAdvisory}) and CVE Record 5.0–5.2 ({@link
 * dev.hallmark.core.advisory.CveRecord}) into immutable records.
 *
 * <p>CSAF documents pass the mandatory tests of CSAF 2.0 section 6.1 (all but 6.1.11); under {@link
 * dev.hallmark.core.advisory.CsafValidation#LENIENT} the bookkeeping tests only warn. Untrusted
 * input that is not accepted throws {@link dev.hallmark.core.advisory.AdvisoryFormatException}
 * naming what was wrong.
 */
package dev.hallmark.core.advisory;
