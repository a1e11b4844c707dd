/**
 * Rekor v1 entry types ({@code hashedrekord} 0.0.1, {@code dsse} 0.0.1, {@code intoto} 0.0.2):
 * validation of {@code ProposedEntry} requests, the canonical bodies the log stores, and the index
 * keys of {@code POST /api/v1/index/retrieve}. Entry point: {@link
 * dev.hallmark.tlog.rekorv1.RekorV1Entries}; index keys: {@link
 * dev.hallmark.tlog.rekorv1.SearchKeys}.
 */
package dev.hallmark.tlog.rekorv1;
