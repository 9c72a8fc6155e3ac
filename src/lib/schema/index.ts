/** The Vraagspoor schema: import everything from here. */
export * from './common.ts';
export * from './person.ts';
export * from './record.ts';
export * from './motion.ts';
export * from './programme.ts';
export * from './commitment-status.ts';
export * from './errors.ts';
export * from './register.ts';
