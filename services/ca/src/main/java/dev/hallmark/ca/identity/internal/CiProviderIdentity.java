package dev.hallmark.ca.identity.internal;

import dev.hallmark.ca.identity.CiProviderTemplates;
import dev.hallmark.ca.identity.FulcioExtension;
import dev.hallmark.ca.identity.OidcIssuerConfig;
import dev.hallmark.ca.identity.Principal;
import dev.hallmark.ca.identity.TokenException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ci-provider} issuers: the URI SAN and the extensions are rendered from the configured
 * {@link ClaimTemplate}s against the token's scalar claims merged over the configured defaults.
 */
final class CiProviderIdentity {
  private CiProviderIdentity() {}

  static Principal principal(OidcIssuerConfig config, String iss, String sub, Claims claims)
      throws TokenException {
    CiProviderTemplates templates = config.ciProvider();
    Map<String, String> values = new HashMap<>(templates.defaults());
    values.putAll(claims.scalars());
    Extensions ext = new Extensions(iss, sub);
    for (Map.Entry<String, String> e : templates.extensionTemplates().entrySet()) {
      FulcioExtension extension = FulcioExtension.lookup(e.getKey()).orElseThrow();
      ext.put(extension, ClaimTemplate.parse(e.getValue()).render(values));
    }
    String san = ClaimTemplate.parse(templates.sanTemplate()).render(values);
    return new Principal(
        iss,
        config.type(),
        sub,
        Identities.uri(san),
        Identities.challenges(sub, claims),
        ext.toMap());
  }
}
