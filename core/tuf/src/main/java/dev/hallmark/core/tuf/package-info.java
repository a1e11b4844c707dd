/**
 * The Update Framework (TUF 1.0) as Sigstore uses it, written from the specification.
 *
 * <ul>
 *   <li>Model: {@link dev.hallmark.core.tuf.Metadata} over {@link dev.hallmark.core.tuf.Root},
 *       {@link dev.hallmark.core.tuf.Targets}, {@link dev.hallmark.core.tuf.Snapshot} and {@link
 *       dev.hallmark.core.tuf.Timestamp}; keys ({@link dev.hallmark.core.tuf.TufKey}, key ids over
 *       OLPC canonical JSON), {@link dev.hallmark.core.tuf.Signature}s and the threshold check
 *       {@link dev.hallmark.core.tuf.Root#verifySignatures}.
 *   <li>Writing: {@link dev.hallmark.core.tuf.RepositoryWriter} (consistent snapshots, version
 *       bumps, re-signing before expiry, root rotation with offline signatures) signing through
 *       {@link dev.hallmark.core.tuf.TufSigner}; changes come back as a {@link
 *       dev.hallmark.core.tuf.Publication}.
 *   <li>Reading: {@link dev.hallmark.core.tuf.TufClient} (TUF §5 client workflow with a cache
 *       directory) over a {@link dev.hallmark.core.tuf.RemoteRepository} ({@link
 *       dev.hallmark.core.tuf.HttpRemoteRepository}, {@link
 *       dev.hallmark.core.tuf.DirectoryRemoteRepository}).
 * </ul>
 *
 * <p>Parsing untrusted files throws only {@link dev.hallmark.core.tuf.MetadataFormatException};
 * refusals of the client and of threshold checks throw {@link dev.hallmark.core.tuf.TufException}
 * naming the role and the reason.
 */
package dev.hallmark.core.tuf;
