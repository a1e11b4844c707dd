/** Parsers behind {@link dev.hallmark.core.advisory.AdvisoryReader}: one per format. */
package dev.hallmark.core.advisory.internal;
