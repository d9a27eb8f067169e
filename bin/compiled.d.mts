/** The project's root folder. */
export declare const ROOT: string;
/** build/start/<name>.js under `root` when it exists and no source file is newer, else undefined. */
export declare function currentBuild(name: string, root?: string): string | undefined;
