package dev.hallmark.server.keys;

import dev.hallmark.core.note.NoteSigner;
import java.security.PublicKey;

/** A log's checkpoint signer and its public key. */
public record LogKey(PublicKey publicKey, NoteSigner signer) {}
