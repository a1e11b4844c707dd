#!/usr/bin/env node
// Signing the way sigstore-js 5 reaches Rekor v2: `bundleBuilderFromSigningConfig` (@sigstore/sign
// 5.1.0) over a signing_config.v0.2.json — the CA, the log and the TSA all come from the config
// (a v2 log yields a Rekor v2 witness plus a TSA witness).
//
//   node sigstore-js-signing-config.js <request.json>
//
// request.json:
//   signingConfig  path of signing_config.v0.2.json
//   token          the ID token
//   bundleType     "messageSignature" or "dsseEnvelope"
//   data           the artifact (messageSignature) or the DSSE payload, UTF-8
//   payloadType    DSSE payload type
//   bundleOut      where to write the bundle JSON
//
// Prints {ok: true, tlogKinds: [...], rfc3161Timestamps: n} or {ok: false, code, message}.
'use strict';

const fs = require('fs');
const { bundleBuilderFromSigningConfig } = require('@sigstore/sign');
const { bundleToJSON } = require('@sigstore/bundle');
const { SigningConfig } = require('@sigstore/protobuf-specs');

async function main() {
  const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  try {
    const builder = bundleBuilderFromSigningConfig({
      signingConfig: SigningConfig.fromJSON(JSON.parse(fs.readFileSync(req.signingConfig, 'utf8'))),
      identityProvider: { getToken: async () => req.token },
      bundleType: req.bundleType,
      fetchOptions: { timeout: 30000, retry: 0 },
    });
    const artifact =
      req.bundleType === 'dsseEnvelope'
        ? { data: Buffer.from(req.data, 'utf8'), type: req.payloadType }
        : { data: Buffer.from(req.data, 'utf8') };
    const bundle = bundleToJSON(await builder.create(artifact));
    fs.writeFileSync(req.bundleOut, JSON.stringify(bundle, null, 2) + '\n');
    const vm = bundle.verificationMaterial;
    console.log(
      JSON.stringify({
        ok: true,
        tlogKinds: (vm.tlogEntries || []).map((e) => e.kindVersion.kind + '/' + e.kindVersion.version),
        rfc3161Timestamps: (vm.timestampVerificationData?.rfc3161Timestamps || []).length,
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
