/** The command-line programs by name → their TypeScript source (bin/commands.mjs). */
export declare const COMMANDS: Record<string, string>;
