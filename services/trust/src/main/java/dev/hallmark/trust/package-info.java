/**
 * The trust service: a TUF repository ({@link dev.hallmark.trust.TrustRepository}) publishing the
 * trust root and signing config, stored by a {@link dev.hallmark.trust.TufStore} (PostgreSQL:
 * {@link dev.hallmark.trust.SqlTufStore}).
 */
package dev.hallmark.trust;
