/** Sync of the knowledge base with Tweede Kamer open data and officielebekendmakingen: the pure parts. */
export * from './fields.ts';
export * from './query.ts';
export * from './status.ts';
export * from './ids.ts';
export * from './entities.ts';
export * from './due.ts';
export * from './crosscheck.ts';
export * from './records.ts';
export * from './motion.ts';
export * from './register.ts';
export * from './checkpoint.ts';
