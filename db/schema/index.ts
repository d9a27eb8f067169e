// One file per aggregate; this barrel is what drizzle-kit and the client read.
export * from "./enums";
export * from "./units";
export * from "./people";
export * from "./trail";
export * from "./jobs";
export * from "./reference";
export * from "./findings";
export * from "./files";
export * from "./audits";
export * from "./inspections";
export * from "./qms-records";
