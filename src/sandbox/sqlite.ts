import initSqlJs, {type Database, type SqlJsStatic} from 'sql.js';
import wasm from 'sql.js/dist/sql-wasm.wasm';

let loading: Promise<SqlJsStatic> | undefined;

/** Loads the sql.js WASM once per process from the inlined bytes (never from disk). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer});
  return loading;
}

/** Opens a database from a file image, or a fresh empty one. */
export async function openDatabase(image?: Uint8Array): Promise<Database> {
  const SQL = await loadSqlJs();
  return image ? new SQL.Database(image) : new SQL.Database();
}
