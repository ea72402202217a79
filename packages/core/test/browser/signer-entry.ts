// The signer alone, bundled for the web (Web Crypto path), for the property test in Node.
export { createAkSkSigner } from '../../dist/index.js';
