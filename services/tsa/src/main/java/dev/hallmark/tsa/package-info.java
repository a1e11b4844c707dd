/**
 * The RFC 3161 timestamp authority: {@link dev.hallmark.tsa.TimestampAuthority} answers {@link
 * dev.hallmark.tsa.TimestampRequest}s (DER queries or the JSON form sigstore-js sends, parsed by
 * the HTTP layer) with tokens signed by a {@link dev.hallmark.tsa.TsaSigningKey}, from files
 * ({@link dev.hallmark.tsa.TsaKeyFiles}) or a PKCS#11 token.
 */
package dev.hallmark.tsa;
