#!/usr/bin/env node
// sigstore-js's high-level verify (sigstore 5.0.1 `verify`) with the trusted root obtained through
// a TUF mirror (tuf-js, seeded with a local root.json), as a user of a private Sigstore deployment
// would run it.
//
//   node sigstore-js-verify.js <request.json>
//
// request.json:
//   bundle         path of the bundle JSON
//   artifact       path of the signed file (message signatures; omitted for DSSE bundles)
//   tufMirrorURL   Hallmark's TUF repository
//   tufRootPath    the seed root.json
//   tufCachePath   tuf-js cache directory
//   email          expected SAN
//   issuer         expected OIDC issuer extension
//
// Prints {ok: true, subjectAlternativeName, issuer} or {ok: false, code, message}.
'use strict';

const fs = require('fs');
const sigstore = require('sigstore');

async function main() {
  const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  try {
    const bundle = JSON.parse(fs.readFileSync(req.bundle, 'utf8'));
    const options = {
      tufMirrorURL: req.tufMirrorURL,
      tufRootPath: req.tufRootPath,
      tufCachePath: req.tufCachePath,
      certificateIdentityEmail: req.email,
      certificateIssuer: req.issuer,
      timeout: 10000,
    };
    const signer = req.artifact
      ? await sigstore.verify(bundle, fs.readFileSync(req.artifact), options)
      : await sigstore.verify(bundle, options);
    console.log(
      JSON.stringify({
        ok: true,
        subjectAlternativeName: signer?.identity?.subjectAlternativeName,
        issuer: signer?.identity?.extensions?.issuer,
      }),
    );
  } catch (e) {
    console.log(
      JSON.stringify({
        ok: false,
        code: e.code || e.name,
        message: String(e.message) + (e.cause ? ' (cause: ' + e.cause.message + ')' : ''),
      }),
    );
    process.exitCode = 1;
  }
}

main();
