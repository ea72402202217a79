// Bundled for the browser by the signing benchmark, then run in Node: the Web Crypto signer.
export { createAkSkSigner } from '@hwsec/core';
