/** The command-line programs by name → their TypeScript source (bin/commands.mjs). */
export declare const COMMANDS: Record<string, string>;
/** Modules compiled for worker threads, by name → their TypeScript source. */
export declare const WORKER_MODULES: Record<string, string>;
