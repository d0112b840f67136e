/** A command refused with a message for the user (the server answers it as an LSP error, not a crash). */
export class CommandError extends Error {}
