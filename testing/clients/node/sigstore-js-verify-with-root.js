#!/usr/bin/env node
// Verifies a bundle someone else made with @sigstore/verify 4.1.3's full Verifier against a
// trusted_root.json file (no TUF; sigstore-js-verify.js does it through a TUF mirror).
//
//   node sigstore-js-verify-with-root.js <request.json>
//
// request.json:
//   bundle       path of the bundle JSON
//   trustedRoot  path of a trusted_root.json
//   artifact     path of the signed file (message-signature bundles); absent for DSSE bundles
//   identity     expected subject alternative name
//   issuer       expected OIDC issuer
//
// Thresholds: one tlog entry, one SCT, one verified timestamp (a Rekor v1 SET or an RFC 3161
// token). Prints {ok: true, subjectAlternativeName, issuer} or {ok: false, code, message}.
'use strict';

const fs = require('fs');
const { bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');

function main() {
  const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  try {
    const root = TrustedRoot.fromJSON(JSON.parse(fs.readFileSync(req.trustedRoot, 'utf8')));
    const verifier = new Verifier(toTrustMaterial(root), {
      ctlogThreshold: 1,
      tlogThreshold: 1,
      timestampThreshold: 1,
    });
    const bundle = bundleFromJSON(JSON.parse(fs.readFileSync(req.bundle, 'utf8')));
    const data = req.artifact ? fs.readFileSync(req.artifact) : undefined;
    const signer = verifier.verify(toSignedEntity(bundle, data), {
      subjectAlternativeName: req.identity,
      extensions: { issuer: req.issuer },
    });
    return {
      ok: true,
      subjectAlternativeName: signer.identity?.subjectAlternativeName,
      issuer: signer.identity?.extensions?.issuer,
    };
  } catch (e) {
    return {
      ok: false,
      code: e.code || e.name,
      message: String(e.message) + (e.cause ? ' (cause: ' + e.cause.message + ')' : ''),
    };
  }
}

console.log(JSON.stringify(main()));
