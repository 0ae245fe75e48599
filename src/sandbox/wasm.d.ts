// esbuild (loader '.wasm': 'binary') and the vitest plugin in vitest.config.ts both turn a
// `.wasm` import into its bytes, so the bundle needs no node_modules at run time.
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
