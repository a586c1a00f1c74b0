export * from './schemas';
export * from './clock';
export * from './limits';
export * from './problems';
export * from './commands';
export * from './texts';
export * from './hearing';
export * from './mailText';
