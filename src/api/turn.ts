/**
 * One turn of the event loop (an immediate). Undici hands a keep-alive connection back to its
 * pool only in the turn after its response ended (client-h1 onMessageComplete:
 * `setImmediate(resume)`), and writes a request on a reused connection one turn after it was
 * dispatched (idle-socket validation, also an immediate). Waiting a turn lines our code up
 * behind either step.
 */
export const nextTurn = (): Promise<void> => new Promise((ok) => setImmediate(ok));
