package dev.hallmark.ca.issuance;

import dev.hallmark.ca.issuance.internal.Certificates;
import dev.hallmark.core.crypto.PublicKeys;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /api/v2/trustBundle} returns: the CA chains leaves may be issued under, each
 * ordered intermediate… root (the trusted root's {@code certChain} order).
 *
 * @param chains the chains, at least one, each non-empty
 */
public record TrustBundle(List<List<X509Certificate>> chains) {
  /** Copies the lists and checks that none is empty. */
  public TrustBundle {
    List<List<X509Certificate>> copy = new ArrayList<>();
    for (List<X509Certificate> chain : chains) {
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("a trust bundle chain is empty");
      }
      copy.add(List.copyOf(chain));
    }
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a trust bundle holds at least one chain");
    }
    chains = List.copyOf(copy);
  }

  /** Each chain as Go-style PEM strings, for {@code {"chains":[{"certificates":[...]}]}}. */
  public List<List<String>> pemChains() {
    List<List<String>> out = new ArrayList<>();
    for (List<X509Certificate> chain : chains) {
      List<String> pems = new ArrayList<>();
      for (X509Certificate cert : chain) {
        pems.add(PublicKeys.pem("CERTIFICATE", Certificates.der(cert)));
      }
      out.add(List.copyOf(pems));
    }
    return List.copyOf(out);
  }
}
